"""Golden values for the layers of pkg/backprop, computed with PyTorch in float64.

Run from the repository root:  /usr/bin/python3 pkg/backprop/testdata/golden_layers.py
It rewrites pkg/backprop/testdata/golden_layers.json; layer_test.go reads it.
Weights are written out in the Go layout (W is in x out, y = x W + b).
"""
import json
import os

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20240601)


def t(a):
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True)


def lst(a):
    return a.detach().numpy().tolist()


def activation_cases():
    x = rng.normal(0, 2, size=(4, 5))
    x[0, 0], x[1, 1], x[2, 2], x[3, 3] = 40.0, -40.0, 750.0, -750.0  # overflow checks
    x[np.abs(x) < 0.05] = 0.3  # keep away from the ReLU kink
    g = rng.normal(size=(4, 5))
    fns = {
        "Sigmoid": torch.sigmoid,
        "Tanh": torch.tanh,
        "ReLU": torch.relu,
        "LeakyReLU(0.1)": lambda v: torch.nn.functional.leaky_relu(v, 0.1),
        "Softmax": lambda v: torch.softmax(v, dim=1),
        "Identity": lambda v: v * 1,
    }
    out = []
    for name, f in fns.items():
        xt = t(x)
        y = f(xt)
        y.backward(torch.tensor(g))
        out.append({"name": name, "x": x.tolist(), "g": g.tolist(), "y": lst(y), "dx": lst(xt.grad)})
    return out


def linear_case():
    x, w, b = t(rng.normal(size=(4, 3))), t(rng.normal(size=(3, 5))), t(rng.normal(size=(1, 5)))
    x.data[1, 2] = 0.0  # the kernels skip zero inputs: cover that path
    g = rng.normal(size=(4, 5))
    y = x @ w + b
    y.backward(torch.tensor(g))
    return {"x": lst(x), "W": lst(w), "b": lst(b), "g": g.tolist(), "y": lst(y),
            "dx": lst(x.grad), "dW": lst(w.grad), "db": lst(b.grad)}


def mlp_case():
    """Linear(3,5) Tanh Linear(5,2) Softmax."""
    x = t(rng.normal(size=(6, 3)))
    w1, b1 = t(rng.normal(size=(3, 5))), t(rng.normal(size=(1, 5)))
    w2, b2 = t(rng.normal(size=(5, 2))), t(rng.normal(size=(1, 2)))
    g = rng.normal(size=(6, 2))
    y = torch.softmax(torch.tanh(x @ w1 + b1) @ w2 + b2, dim=1)
    y.backward(torch.tensor(g))
    return {"x": lst(x), "W1": lst(w1), "b1": lst(b1), "W2": lst(w2), "b2": lst(b2),
            "g": g.tolist(), "y": lst(y), "dx": lst(x.grad),
            "dW1": lst(w1.grad), "db1": lst(b1.grad), "dW2": lst(w2.grad), "db2": lst(b2.grad)}


golden = {
    "generator": "pkg/backprop/testdata/golden_layers.py, torch " + torch.__version__,
    "activations": activation_cases(),
    "linear": linear_case(),
    "mlp": mlp_case(),
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_layers.json")
with open(path, "w") as f:
    json.dump(golden, f, indent=1)
print("wrote", path)
