"""Golden values for the losses of pkg/backprop, computed with PyTorch (float64).

Run from the repository root:

    /usr/bin/python3 pkg/backprop/testdata/golden_losses.py

It writes pkg/backprop/testdata/golden_losses.json, read by loss_golden_test.go.
Every case holds pred, target, the loss value and dLoss/dpred. Values and
gradients come from torch.nn.functional where PyTorch has the loss and from
the documented formula evaluated by torch autograd where it does not (Keras
losses such as MSLE and Hinge). For the probability losses on inputs where
autograd is undefined (log 0), the gradient is the documented floored
formula, checked here against autograd on every input where both exist.
"""

import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
rng = np.random.RandomState(20240501)

LOG_FLOOR = -100.0
DENOM_FLOOR = float(np.float32(1e-12))  # PyTorch keeps its BCE epsilon as a float32

cases = []


def t64(a):
    return torch.tensor(np.asarray(a, dtype=np.float64))


def add(name, loss, pred, target, fn, params=None, grad_fn=None, note=""):
    """Evaluates fn(pred, target) and its gradient, and records the case.

    grad_fn, when given, is the documented gradient formula; it is used as
    the golden gradient and checked against autograd where autograd is
    finite.
    """
    p = t64(pred).requires_grad_(True)
    y = t64(target)
    value = fn(p, y)
    (auto,) = torch.autograd.grad(value, p)
    grad = auto
    if grad_fn is not None:
        grad = grad_fn(p.detach(), y)
        ok = torch.isfinite(auto)
        if not torch.allclose(grad[ok], auto[ok], rtol=1e-12, atol=0):
            raise SystemExit(f"{name}: formula gradient disagrees with autograd")
    if not torch.isfinite(value) or not torch.isfinite(grad).all():
        raise SystemExit(f"{name}: non-finite golden value")
    case = {
        "name": name,
        "loss": loss,
        "pred": p.detach().tolist(),
        "target": y.tolist(),
        "value": value.item(),
        "grad": grad.tolist(),
    }
    if params:
        case["params"] = params
    if note:
        case["note"] = note
    cases.append(case)


def normal(r, c, scale=1.0):
    return rng.normal(scale=scale, size=(r, c))


def softmax_rows(r, c, scale=1.0):
    return torch.softmax(t64(normal(r, c, scale)), dim=1).numpy()


def one_hot(labels, c):
    out = np.zeros((len(labels), c))
    out[np.arange(len(labels)), labels] = 1
    return out


def rows_of(labels):
    return [[float(k)] for k in labels]


# ---------------------------------------------------------------- regression

def mse(p, y):
    return F.mse_loss(p, y)


def rmse(p, y):
    return torch.sqrt(F.mse_loss(p, y))


def mae(p, y):
    return F.l1_loss(p, y)


def msle(p, y):
    return ((torch.log1p(p) - torch.log1p(y)) ** 2).mean()


def huber(delta):
    return lambda p, y: F.huber_loss(p, y, delta=delta)


seed = ([[65.1]], [[62.5]])  # the course's worked example
for loss, fn in [("MSE", mse), ("RMSE", rmse), ("MAE", mae), ("Huber", huber(1.0))]:
    add(f"{loss}/seed 65.1 vs 62.5", loss, *seed, fn)
    add(f"{loss}/4x1", loss, normal(4, 1, 3), normal(4, 1, 3), fn)
    add(f"{loss}/3x5", loss, normal(3, 5, 2), normal(3, 5, 2), fn)
    add(f"{loss}/1x6 large", loss, normal(1, 6, 1e3), normal(1, 6, 1e3), fn)

# MAE and Huber at exact ties and kinks: PyTorch's subgradient choices.
ties_p = [[1.0, 2.0, -3.0], [0.5, 4.0, 0.0]]
ties_y = [[1.0, 2.5, -3.0], [1.5, 2.0, 0.0]]
add("MAE/ties", "MAE", ties_p, ties_y, mae, note="zero errors take the subgradient 0")
for d in (0.5, 1.0, 2.5):
    add(f"Huber/delta {d}", "Huber", normal(4, 3, 2), normal(4, 3, 2), huber(d), params={"delta": d})
add("Huber/error exactly delta", "Huber", [[1.5, -0.5, 3.0]], [[0.5, 0.5, 0.0]], huber(1.0),
    params={"delta": 1.0})

# RMSE at zero error: torch's sqrt backward gives NaN; the documented
# subgradient is 0 (see RMSE's doc comment).
zero_p = [[1.0, -2.0], [3.5, 0.25]]
add("RMSE/zero error", "RMSE", zero_p, zero_p, rmse,
    grad_fn=lambda p, y: torch.zeros_like(p),
    note="PyTorch gives NaN here; the documented subgradient is 0")

msle_p = [[0.0, 0.5, 3.0, 10.0], [100.0, -0.5, 0.2, 7.5], [2.0, 0.9, 1e-3, 40.0]]
msle_y = [[0.1, 0.5, 2.0, 12.0], [80.0, 0.0, -0.3, 7.0], [0.0, 1.0, 0.0, 1000.0]]
add("MSLE/3x4", "MSLE", msle_p, msle_y, msle)
add("MSLE/1x1", "MSLE", [[4.0]], [[2.0]], msle)
add("MSLE/5x2 random", "MSLE", np.exp(normal(5, 2)) - 0.5, np.exp(normal(5, 2)) - 0.5, msle)

# -------------------------------------------------------------------- binary

def bce(p, y):
    return F.binary_cross_entropy(p, y)


def bce_logits(z, y):
    return F.binary_cross_entropy_with_logits(z, y)


def hinge_sign(y):
    return torch.where(y == 1, torch.ones_like(y), -torch.ones_like(y))


def hinge(p, y):
    return torch.relu(1 - hinge_sign(y) * p).mean()


def squared_hinge(p, y):
    return (torch.relu(1 - hinge_sign(y) * p) ** 2).mean()


def uniform(r, c, lo=0.02, hi=0.98):
    return rng.uniform(lo, hi, size=(r, c))


def labels01(r, c):
    return rng.randint(0, 2, size=(r, c)).astype(np.float64)


add("BCE/1x1", "BCE", [[0.8]], [[1.0]], bce)
add("BCE/6x1", "BCE", uniform(6, 1), labels01(6, 1), bce)
add("BCE/3x4 multi-label", "BCE", uniform(3, 4), labels01(3, 4), bce)
add("BCE/2x3 soft labels", "BCE", uniform(2, 3), uniform(2, 3, 0, 1), bce)
add("BCE/probabilities 0 and 1", "BCE",
    [[0.0, 1.0, 0.0, 1.0, 0.5, 0.0]], [[0.0, 1.0, 1.0, 0.0, 1.0, 0.25]], bce,
    note="PyTorch's rule: log floored at -100, p(1-p) floored at 1e-12")

add("BCEWithLogits/1x1", "BCEWithLogits", [[0.3]], [[1.0]], bce_logits)
add("BCEWithLogits/5x1", "BCEWithLogits", normal(5, 1, 3), labels01(5, 1), bce_logits)
add("BCEWithLogits/3x4", "BCEWithLogits", normal(3, 4, 2), uniform(3, 4, 0, 1), bce_logits)
add("BCEWithLogits/large logits", "BCEWithLogits",
    [[1000.0, -1000.0, 1000.0, -1000.0, 50.0, -50.0, 0.0, 30.0]],
    [[1.0, 0.0, 0.0, 1.0, 0.3, 1.0, 0.5, 0.0]], bce_logits)

pm1 = lambda r, c: 2 * labels01(r, c) - 1
for loss, fn in [("Hinge", hinge), ("SquaredHinge", squared_hinge)]:
    add(f"{loss}/1x1", loss, [[0.3]], [[-1.0]], fn)
    add(f"{loss}/6x1 labels -1/1", loss, normal(6, 1, 1.5), pm1(6, 1), fn)
    add(f"{loss}/3x4 labels 0/1", loss, normal(3, 4, 1.5), labels01(3, 4), fn,
        note="0/1 labels read as -1/1, as Keras does")
    add(f"{loss}/margin exactly 1", loss, [[1.0, -1.0, 2.0, 0.0]], [[1.0, 0.0, -1.0, 1.0]], fn,
        note="at the kink 1-y*p = 0 the subgradient is 0")

# --------------------------------------------------------------- multi-class

def ce_probs(p, y):
    return -(y * torch.log(p).clamp(min=LOG_FLOOR)).sum(dim=1).mean()


def ce_probs_grad(p, y):
    return -y / p.clamp(min=DENOM_FLOOR) / p.shape[0]


def ce_logits(z, y):
    return F.cross_entropy(z, y)  # probability targets, PyTorch >= 1.10


def kl(p, y):
    return F.kl_div(torch.log(p).clamp(min=LOG_FLOOR), y, reduction="batchmean")


def sparse_probs(labels):
    idx = torch.tensor(labels)
    return lambda p, y: F.nll_loss(torch.log(p).clamp(min=LOG_FLOOR), idx)


def sparse_probs_grad(labels):
    def grad(p, y):
        g = torch.zeros_like(p)
        rows = torch.arange(p.shape[0])
        g[rows, labels] = -1 / p[rows, labels].clamp(min=DENOM_FLOOR) / p.shape[0]
        return g
    return grad


def sparse_logits(labels):
    idx = torch.tensor(labels)
    return lambda z, y: F.cross_entropy(z, idx)


def smooth(labels, c, eps=0.1):
    return one_hot(labels, c) * (1 - eps) + eps / c


shapes = [(1, 3), (4, 3), (3, 5), (2, 10), (6, 2)]
for r, c in shapes:
    labels = list(rng.randint(0, c, size=r))
    add(f"CrossEntropy/{r}x{c} one-hot", "CrossEntropy", softmax_rows(r, c), one_hot(labels, c),
        ce_probs, grad_fn=ce_probs_grad)
    add(f"CrossEntropyWithLogits/{r}x{c} one-hot", "CrossEntropyWithLogits", normal(r, c, 2),
        one_hot(labels, c), ce_logits)
    add(f"SparseCrossEntropy/{r}x{c}", "SparseCrossEntropy", softmax_rows(r, c), rows_of(labels),
        sparse_probs(labels), grad_fn=sparse_probs_grad(labels))
    add(f"SparseCrossEntropyWithLogits/{r}x{c}", "SparseCrossEntropyWithLogits", normal(r, c, 2),
        rows_of(labels), sparse_logits(labels))
    add(f"KLDivergence/{r}x{c}", "KLDivergence", softmax_rows(r, c), softmax_rows(r, c, 1.5),
        kl, grad_fn=ce_probs_grad)

labels = [2, 0, 1]
add("CrossEntropy/3x4 smoothed labels", "CrossEntropy", softmax_rows(3, 4), smooth(labels, 4),
    ce_probs, grad_fn=ce_probs_grad)
add("CrossEntropyWithLogits/3x4 smoothed labels", "CrossEntropyWithLogits", normal(3, 4),
    smooth(labels, 4), ce_logits)
add("KLDivergence/3x4 one-hot target", "KLDivergence", softmax_rows(3, 4), one_hot(labels, 4),
    kl, grad_fn=ce_probs_grad, note="with a one-hot target KL equals the cross-entropy")

big = [[1000.0, -1000.0, 0.0], [1000.0, 999.0, 998.0], [-1000.0, -1000.0, -999.5], [0.0, 0.0, 1e-3]]
big_labels = [1, 2, 2, 0]
add("CrossEntropyWithLogits/large logits", "CrossEntropyWithLogits", big, one_hot(big_labels, 3),
    ce_logits)
add("SparseCrossEntropyWithLogits/large logits", "SparseCrossEntropyWithLogits", big,
    rows_of(big_labels), sparse_logits(big_labels))

edge = [[1.0, 0.0, 0.0], [0.0, 0.5, 0.5], [0.2, 0.3, 0.5]]
edge_labels = [1, 0, 2]
note = "p = 0 at the label: log floored at -100, p floored at 1e-12 in the gradient"
add("CrossEntropy/probabilities 0 and 1", "CrossEntropy", edge, one_hot(edge_labels, 3),
    ce_probs, grad_fn=ce_probs_grad, note=note)
add("SparseCrossEntropy/probabilities 0 and 1", "SparseCrossEntropy", edge, rows_of(edge_labels),
    sparse_probs(edge_labels), grad_fn=sparse_probs_grad(edge_labels), note=note)
add("KLDivergence/probabilities 0 and 1", "KLDivergence", edge, [[0.0, 0.5, 0.5], [0.0, 0.5, 0.5],
    [1.0, 0.0, 0.0]], kl, grad_fn=ce_probs_grad, note=note)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_losses.json")
with open(out, "w") as f:
    # One case per line keeps diffs of a rerun readable.
    f.write('{"torch": %s, "cases": [\n' % json.dumps(torch.__version__))
    f.write(",\n".join(json.dumps(c) for c in cases))
    f.write("\n]}\n")
print(f"wrote {len(cases)} cases to {out}")
