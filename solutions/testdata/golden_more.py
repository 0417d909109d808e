"""Golden values for the exercises of notebooks 00, 01 (the tiny network),
02 (the gradients of the other losses), 03 (warm-up and one-cycle), 04
(Nesterov, Adagrad, Adadelta) and 06 (initialisation), computed with PyTorch.

Run from the repository root:  /usr/bin/python3 solutions/testdata/golden_more.py
It writes solutions/testdata/golden_more.json: for each exercise a list of
cases {"args": [...], "want": [...]} in the order of the Go signature.
Gradients come from autograd, optimizer steps from torch.optim, schedules
from torch.optim.lr_scheduler and initial weights from torch.nn.init, fed
with the same random draws as the Go function.
"""
import json
import math

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20261203)
out = {}


def plain(v):
    if isinstance(v, torch.Tensor):
        return v.detach().tolist()
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, np.generic):
        return v.item()
    return v


def add(name, args, want):
    out.setdefault(name, []).append({"args": [plain(a) for a in args], "want": [plain(w) for w in want]})


def t(a, grad=False):
    return torch.tensor(a, requires_grad=grad)


# Notebook 00: one tanh neuron.
for n in (1, 3, 6):
    x, w, b = rng.normal(size=n), rng.normal(size=n), rng.normal()
    add("Neuron", [x, w, b], [torch.tanh(t(x) @ t(w) + b).item()])

# Notebook 01: the tiny network, its loss and gradient by autograd, and the
# central difference of the loss with a large step (where it differs from the
# gradient).
def tiny_loss(p, x, target):
    w = p[0:4].reshape(2, 2)
    h = torch.sigmoid(t(x) @ w + p[4:6])
    y_hat = h @ p[6:8] + p[8]
    return (y_hat - target) ** 2


params0 = [0.4, -0.3, 0.2, 0.6, 0.1, -0.1, 0.7, -0.5, 0.2]
for params, x, target in ((params0, [1.0, 0.5], 1.0),
                          (rng.normal(size=9).tolist(), rng.normal(size=2).tolist(), rng.normal()),
                          (rng.normal(size=9).tolist(), rng.normal(size=2).tolist(), rng.normal())):
    p = t(params, True)
    loss = tiny_loss(p, x, target)
    loss.backward()
    add("TinyNetBackward", [params, x, target], [loss.item(), p.grad])
    for h in (1e-4, 0.1, 0.5):
        num = []
        with torch.no_grad():
            for k in range(9):
                up, down = t(params), t(params)
                up[k] += h
                down[k] -= h
                num.append(((tiny_loss(up, x, target) - tiny_loss(down, x, target)) / (2 * h)).item())
        add("TinyNetNumericGrad", [params, x, target, h], [num])

# Local gradients of autograd operations: the gradient of gradOut·op(inputs).
for a, b, g in ((2.0, -3.0, 1.0), (rng.normal(), rng.normal(), rng.normal())):
    ta, tb = t(a, True), t(b, True)
    (ta * tb * g).backward()
    add("MulBackward", [a, b, g], [ta.grad.item(), tb.grad.item()])
    ta, tb = t(a, True), t(b, True)
    (ta / tb * g).backward()
    add("DivBackward", [a, b, g], [ta.grad.item(), tb.grad.item()])
for a, p, g in ((3.0, 2.0, 1.0), (2.0, -1.5, 0.5), (-1.3, 3.0, -2.0), (abs(rng.normal()) + 0.1, rng.normal(), rng.normal())):
    ta = t(a, True)
    (ta ** p * g).backward()
    add("PowBackward", [a, p, g], [ta.grad.item()])
for a, g in ((0.0, 1.0), (1.0, 2.0), (rng.normal(), rng.normal())):
    ta = t(a, True)
    (torch.exp(ta) * g).backward()
    add("ExpBackward", [a, g], [ta.grad.item()])

# Notebook 02: the gradients of the other losses, by autograd.
F = torch.nn.functional
for n in (1, 6):
    pred, target = rng.normal(size=n), rng.normal(size=n)
    pred[0] = target[0] if n > 1 else pred[0]  # one exact tie: the subgradient 0
    p = t(pred, True)
    F.l1_loss(p, t(target)).backward()
    add("MAEGrad", [pred, target], [p.grad])
    for delta in (1.0, 0.3):
        p = t(pred, True)
        F.huber_loss(p, t(target), delta=delta).backward()
        add("HuberGrad", [pred, target, delta], [p.grad])
    pred, target = rng.uniform(-0.5, 5, n), rng.uniform(0, 5, n)
    p = t(pred, True)
    ((torch.log1p(p) - torch.log1p(t(target))) ** 2).mean().backward()
    add("MSLEGrad", [pred, target], [p.grad])
    pred, label = rng.normal(size=n) * 2, rng.choice([-1.0, 1.0], n)
    p = t(pred, True)
    torch.relu(1 - t(label) * p).mean().backward()
    add("HingeGrad", [pred, label], [p.grad])
    p = t(pred, True)
    (torch.relu(1 - t(label) * p) ** 2).mean().backward()
    add("SquaredHingeGrad", [pred, label], [p.grad])
for r, k in ((1, 3), (4, 5)):
    pred = rng.dirichlet(np.ones(k), r)
    target = rng.dirichlet(np.ones(k), r)
    target[0, 0], target[0, 1] = 0.0, target[0, 0] + target[0, 1]  # a zero target term
    p = t(pred, True)
    F.kl_div(torch.log(p), t(target), reduction="batchmean").backward()
    add("KLDivergenceGrad", [pred, target], [p.grad])


# Notebook 04: three steps of each optimizer from zero state; each case is
# one step, from the state before it to the state after it.
def steps(name, make, bufs, extra):
    n = 5
    w = t(rng.normal(size=n), True)
    opt = make([w])
    state = [np.zeros(n) for _ in bufs]
    for step in range(3):
        g = rng.normal(size=n)
        before = w.detach().clone()
        w.grad = t(g)
        opt.step()
        s = opt.state[w]
        after = [s[b].clone() if s.get(b) is not None else None for b in bufs]
        add(name, [before, g] + state + extra, [w] + after)
        state = after


lr, beta = 0.1, 0.9
steps("NesterovStep", lambda ps: torch.optim.SGD(ps, lr=lr, momentum=beta, nesterov=True),
      ["momentum_buffer"], [lr, beta])
steps("AdagradStep", lambda ps: torch.optim.Adagrad(ps, lr=0.5, eps=1e-10), ["sum"], [0.5, 1e-10])
steps("AdadeltaStep", lambda ps: torch.optim.Adadelta(ps, lr=1.0, rho=0.9, eps=1e-6),
      ["square_avg", "acc_delta"], [1.0, 0.9, 1e-6])


# Notebook 03: the rate after `step` calls of scheduler.step().
def rates(make, n):
    w = t([0.0], True)
    opt = torch.optim.SGD([w], lr=1.0)
    sched = make(opt)
    out = []
    for _ in range(n):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


for lr0, warm in ((0.1, 5), (0.3, 1), (0.02, 0)):
    opt_lr = lr0
    def make(opt, warm=warm, lr0=lr0):
        for g in opt.param_groups:
            g["lr"] = lr0
        return torch.optim.lr_scheduler.LinearLR(opt, start_factor=1 / (warm + 1), total_iters=warm)
    for step, rate in enumerate(rates(make, warm + 3)):
        add("WarmUp", [lr0, warm, step], [rate])

for max_lr, pct, div, final_div, total in ((0.1, 0.3, 25.0, 1e4, 20), (1.0, 0.25, 10.0, 100.0, 17)):
    make = lambda opt: torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=max_lr, total_steps=total, pct_start=pct, div_factor=div,
        final_div_factor=final_div, cycle_momentum=False)
    for step, rate in enumerate(rates(make, total)):
        add("OneCycle", [max_lr, pct, div, final_div, total, step], [rate])

# Notebook 06: torch.nn.init's formulas applied to given draws. The Go
# functions take in×out draws; torch's Linear weight is out×in.
for fan_in, fan_out in ((3, 2), (1, 4), (6, 6)):
    u = rng.uniform(0, 1, (fan_in, fan_out))
    w = torch.empty(fan_out, fan_in)
    saved = torch.nn.init._no_grad_uniform_
    torch.nn.init._no_grad_uniform_ = lambda tensor, lo, hi: tensor.copy_(lo + (hi - lo) * t(u.T))
    torch.nn.init.xavier_uniform_(w)
    torch.nn.init._no_grad_uniform_ = saved
    add("GlorotUniform", [u], [w.T])

    z = rng.normal(size=(fan_in, fan_out))
    w = torch.empty(fan_out, fan_in)
    saved = torch.Tensor.normal_
    torch.Tensor.normal_ = lambda tensor, mean, std: tensor.copy_(mean + std * t(z.T))
    torch.nn.init.kaiming_normal_(w, nonlinearity="relu")
    torch.Tensor.normal_ = saved
    add("HeNormal", [z], [w.T])

with open("solutions/testdata/golden_more.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
