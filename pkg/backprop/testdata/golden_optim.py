"""Golden trajectories of torch.optim optimizers for optim_golden_test.go.

Run from the repository root with Debian's Python (PyTorch 1.13):

    /usr/bin/python3 pkg/backprop/testdata/golden_optim.py

Every case runs one optimizer configuration for 50 steps, in float64, on a
small fixed problem: two parameters of shapes 3x2 and 1x2 whose gradient is

    grad_k = a_k (w_k - c_k) + 0.6 sin(2 w_k) + 0.2 w_partner(k)

with k the element's index counted over both parameters in row-major order
(0..7), a_k = 0.5 + 0.75 k, c_k = 0.3 k - 1, and partner(k) the other
element of the same row. It is the gradient of
sum_k [a_k/2 (w_k - c_k)^2 - 0.3 cos(2 w_k)] + sum_rows 0.2 w_r0 w_r1.
The start is w_k = 0.8 sin(1.3 k + 0.4). The Go test computes the same
gradient, feeds the same learning rate sequence, and compares every
parameter value after every step.

Each case's "config" uses the Go config struct's field names, so the test
unmarshals it directly; to_torch below maps them to torch's arguments.
"""

import json
import math
import os

import torch

STEPS = 50
SHAPES = [(3, 2), (1, 2)]


def init_values():
    return [0.8 * math.sin(1.3 * k + 0.4) for k in range(8)]


def gradient(w):
    """The problem's gradient, on the flat list of all 8 elements."""
    g = []
    for k, wk in enumerate(w):
        a = 0.5 + 0.75 * k
        c = 0.3 * k - 1.0
        partner = k ^ 1  # rows have 2 columns: 0<->1, 2<->3, ...
        g.append(a * (wk - c) + 0.6 * math.sin(2 * wk) + 0.2 * w[partner])
    return g


def to_torch(name, cfg):
    """Go config fields -> (torch optimizer class, keyword arguments)."""
    g = lambda key, default: cfg.get(key, default) or default
    if name == "SGD":
        return torch.optim.SGD, dict(
            momentum=cfg.get("Momentum", 0.0),
            dampening=cfg.get("Dampening", 0.0),
            weight_decay=cfg.get("WeightDecay", 0.0),
            nesterov=cfg.get("Nesterov", False))
    if name == "Adagrad":
        return torch.optim.Adagrad, dict(
            lr_decay=cfg.get("LRDecay", 0.0),
            weight_decay=cfg.get("WeightDecay", 0.0),
            initial_accumulator_value=cfg.get("InitialAccumulatorValue", 0.0),
            eps=g("Eps", 1e-10))
    if name == "Adadelta":
        return torch.optim.Adadelta, dict(
            rho=g("Rho", 0.9), eps=g("Eps", 1e-6),
            weight_decay=cfg.get("WeightDecay", 0.0))
    if name == "RMSprop":
        return torch.optim.RMSprop, dict(
            alpha=g("Alpha", 0.99), eps=g("Eps", 1e-8),
            weight_decay=cfg.get("WeightDecay", 0.0),
            momentum=cfg.get("Momentum", 0.0),
            centered=cfg.get("Centered", False))
    if name in ("Adam", "AdamW"):
        beta1 = cfg.get("Beta1", 0.0)
        beta1 = 0.9 if beta1 == 0 else max(beta1, 0.0)  # negative asks for 0
        wd_default = 0.01 if name == "AdamW" else 0.0
        cls = torch.optim.AdamW if name == "AdamW" else torch.optim.Adam
        return cls, dict(
            betas=(beta1, g("Beta2", 0.999)), eps=g("Eps", 1e-8),
            weight_decay=g("WeightDecay", wd_default),
            amsgrad=cfg.get("AMSGrad", False))
    raise ValueError(name)


def varying(lr):
    """A learning rate that changes at every step, to check that the rate
    passed to each step is the one used."""
    return [lr * (1 + 0.5 * math.cos(0.3 * t)) for t in range(STEPS)]


def const(lr):
    return [lr] * STEPS


CASES = [
    ("SGD", "plain", {}, const(0.05)),
    ("SGD", "weight_decay", {"WeightDecay": 0.1}, const(0.05)),
    ("SGD", "momentum", {"Momentum": 0.9}, const(0.05)),
    ("SGD", "momentum_dampening", {"Momentum": 0.9, "Dampening": 0.5}, const(0.05)),
    ("SGD", "nesterov", {"Momentum": 0.9, "Nesterov": True}, const(0.05)),
    ("SGD", "nesterov_weight_decay", {"Momentum": 0.8, "Nesterov": True, "WeightDecay": 0.1}, const(0.05)),
    ("SGD", "momentum_varying_lr", {"Momentum": 0.9}, varying(0.05)),
    ("Adagrad", "defaults", {}, const(0.3)),
    ("Adagrad", "lr_decay", {"LRDecay": 0.05}, const(0.3)),
    ("Adagrad", "initial_accumulator", {"InitialAccumulatorValue": 0.5}, const(0.3)),
    ("Adagrad", "weight_decay", {"WeightDecay": 0.1}, const(0.3)),
    ("Adagrad", "eps", {"Eps": 1e-3}, const(0.3)),
    ("Adagrad", "lr_decay_varying_lr", {"LRDecay": 0.02}, varying(0.3)),
    ("Adadelta", "defaults", {}, const(1.0)),
    ("Adadelta", "rho", {"Rho": 0.5}, const(1.0)),
    ("Adadelta", "eps", {"Eps": 1e-3}, const(1.0)),
    ("Adadelta", "weight_decay", {"WeightDecay": 0.1}, const(1.0)),
    ("Adadelta", "varying_lr", {}, varying(0.5)),
    ("RMSprop", "defaults", {}, const(0.01)),
    ("RMSprop", "alpha", {"Alpha": 0.9}, const(0.005)),
    ("RMSprop", "momentum", {"Momentum": 0.9}, const(0.01)),
    ("RMSprop", "centered", {"Centered": True}, const(0.01)),
    ("RMSprop", "centered_momentum", {"Centered": True, "Momentum": 0.9}, const(0.01)),
    ("RMSprop", "weight_decay", {"WeightDecay": 0.1}, const(0.01)),
    ("RMSprop", "eps", {"Eps": 1e-4}, const(0.01)),
    ("RMSprop", "varying_lr", {"Momentum": 0.5}, varying(0.01)),
    ("Adam", "defaults", {}, const(0.05)),
    ("Adam", "betas", {"Beta1": 0.8, "Beta2": 0.99}, const(0.05)),
    ("Adam", "beta1_zero", {"Beta1": -1}, const(0.01)),
    ("Adam", "amsgrad", {"AMSGrad": True}, const(0.05)),
    ("Adam", "weight_decay", {"WeightDecay": 0.1}, const(0.05)),
    ("Adam", "weight_decay_amsgrad", {"WeightDecay": 0.1, "AMSGrad": True}, const(0.05)),
    ("Adam", "eps", {"Eps": 1e-3}, const(0.05)),
    ("Adam", "varying_lr", {}, varying(0.05)),
    ("AdamW", "defaults", {}, const(0.05)),
    ("AdamW", "weight_decay", {"WeightDecay": 0.1}, const(0.05)),
    ("AdamW", "amsgrad", {"AMSGrad": True, "WeightDecay": 0.1}, const(0.05)),
    ("AdamW", "betas", {"Beta1": 0.8, "Beta2": 0.99}, const(0.05)),
    ("AdamW", "varying_lr", {"WeightDecay": 0.2}, varying(0.05)),
]


def run(opt_name, cfg, lrs, scale=1.0):
    init = [x * scale for x in init_values()]
    params, i = [], 0
    for r, c in SHAPES:
        t = torch.tensor(init[i:i + r * c], dtype=torch.float64).reshape(r, c)
        params.append(t.requires_grad_(True))
        i += r * c
    cls, kwargs = to_torch(opt_name, cfg)
    opt = cls(params, lr=lrs[0], foreach=False, **kwargs)
    traj = []
    for lr in lrs:
        for group in opt.param_groups:
            group["lr"] = lr
        flat = [x for p in params for x in p.detach().reshape(-1).tolist()]
        g = gradient(flat)
        i = 0
        for p in params:
            n = p.numel()
            p.grad = torch.tensor(g[i:i + n], dtype=torch.float64).reshape(p.shape)
            i += n
        opt.step()
        traj.append([x for p in params for x in p.detach().reshape(-1).tolist()])
    return traj


def main():
    torch.set_default_dtype(torch.float64)
    out = {
        "torch": torch.__version__,
        "steps": STEPS,
        "shapes": SHAPES,
        "init": init_values(),
        "cases": [],
    }
    for opt_name, name, cfg, lrs in CASES:
        traj = run(opt_name, cfg, lrs)
        # Some settings make the iteration chaotic (sign-like steps that
        # bounce around the minimum): rounding differences then grow until
        # no two implementations agree. Refuse such cases: a start moved by
        # one part in 1e15 must stay within 1e-13 of the trajectory.
        moved = run(opt_name, cfg, lrs, scale=1 + 1e-15)
        spread = max(abs(a - b) for ta, tb in zip(traj, moved) for a, b in zip(ta, tb))
        if spread > 1e-13:
            raise SystemExit(f"{opt_name}/{name}: chaotic trajectory (spread {spread:.2g}); change its settings")
        out["cases"].append({
            "optimizer": opt_name,
            "name": name,
            "config": cfg,
            "lrs": lrs,
            "trajectory": traj,
        })
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_optim.json")
    cases = out.pop("cases")
    with open(path, "w") as f:
        # One case per line keeps the file small and its diffs readable.
        head = json.dumps(out)[:-1]
        f.write(head + ',\n "cases": [\n')
        f.write(",\n".join("  " + json.dumps(c) for c in cases))
        f.write("\n ]\n}\n")


if __name__ == "__main__":
    main()
