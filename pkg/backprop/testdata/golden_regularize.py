"""Golden values of torch.nn.utils.clip_grad_norm_ and torch.nn.Dropout for
regularize_golden_test.go.

Run from the repository root with Debian's Python (PyTorch 1.13):

    /usr/bin/python3 pkg/backprop/testdata/golden_regularize.py

Clipping: for each case, two gradients (shapes 3x2 and 1x4) with fixed
values and a max norm; torch returns the total norm before clipping and
rescales the gradients by max_norm / (norm + 1e-6) when that is below 1.
(The Go rule divides by the norm itself: the test allows for the 1e-6.)

Dropout: torch's masks come from its own generator, so the golden file
holds what does not depend on it: in training mode every output is 0 or
x / (1 - p); in evaluation mode the output is x; the gradient flows through
the same mask, scaled alike.
"""

import json
import math
import os

import torch


def grads(scale):
    a = [[scale * math.sin(1.1 * k + 0.3) for k in range(2 * r, 2 * r + 2)] for r in range(3)]
    b = [[scale * math.cos(0.7 * k - 0.2) for k in range(4)]]
    return a, b


def clip_case(scale, max_norm):
    a, b = grads(scale)
    pa = torch.zeros(3, 2, dtype=torch.float64, requires_grad=True)
    pb = torch.zeros(1, 4, dtype=torch.float64, requires_grad=True)
    pa.grad = torch.tensor(a, dtype=torch.float64)
    pb.grad = torch.tensor(b, dtype=torch.float64)
    norm = torch.nn.utils.clip_grad_norm_([pa, pb], max_norm)
    return {
        "scale": scale, "max_norm": max_norm,
        "grads": [a, b],
        "norm": float(norm),
        "clipped": [pa.grad.tolist(), pb.grad.tolist()],
    }


def dropout_case(p):
    torch.manual_seed(1)
    # No input is 0: a kept 0 would look dropped.
    x = torch.tensor([[0.5 * k - 2.75 for k in range(10)] for _ in range(20)], dtype=torch.float64, requires_grad=True)
    d = torch.nn.Dropout(p)
    d.train()
    y = d(x)
    y.backward(torch.ones_like(y))
    kept = (y != 0)
    scale_ok = torch.allclose(y[kept], x[kept] / (1 - p))
    grad_ok = torch.allclose(x.grad[kept], torch.full_like(x.grad[kept], 1 / (1 - p))) and bool((x.grad[~kept] == 0).all())
    d.eval()
    return {"p": p, "train_scale": 1 / (1 - p), "train_values_are_0_or_scaled": bool(scale_ok),
            "grad_masked_alike": bool(grad_ok), "eval_is_identity": bool(torch.equal(d(x), x))}


out = {
    "torch": torch.__version__,
    "clip": [clip_case(s, m) for s, m in [(1.0, 10.0), (1.0, 1.0), (3.0, 0.5), (0.01, 1.0), (5.0, 2.5)]],
    "dropout": [dropout_case(p) for p in [0.1, 0.3, 0.5]],
}
path = os.path.join(os.path.dirname(__file__), "golden_regularize.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("wrote", path)
