"""Golden values for value_test.go: scalar expressions and their gradients
computed by torch.autograd in float64.

Run from the repository root: /usr/bin/python3 pkg/backprop/testdata/golden_value.py
"""
import json
import os

import torch


def neuron(v):
    return torch.tanh(v["x1"] * v["w1"] + v["x2"] * v["w2"] + v["b"])


def sigmoid_log(v):
    return -torch.log(torch.sigmoid(v["x"] * v["w"] + v["b"]))


def mixed(v):
    a, b = v["a"], v["b"]
    return (a**3 - torch.exp(b)) / (torch.relu(a * b) + 1) + a * a


CASES = [
    ("neuron", neuron, {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.881373587019543}),
    ("sigmoid_log", sigmoid_log, {"x": 1.5, "w": -0.8, "b": 0.2}),
    ("mixed", mixed, {"a": 1.3, "b": 0.7}),
]


def main():
    out = []
    for name, f, inputs in CASES:
        v = {k: torch.tensor(x, dtype=torch.float64, requires_grad=True) for k, x in inputs.items()}
        y = f(v)
        y.backward()
        out.append({
            "name": name,
            "inputs": inputs,
            "out": y.item(),
            "grads": {k: t.grad.item() for k, t in v.items()},
        })
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_value.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
