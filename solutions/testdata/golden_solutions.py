"""Golden values for package solutions, computed with PyTorch.

Run from the repository root:  /usr/bin/python3 solutions/testdata/golden_solutions.py
It writes solutions/testdata/golden_solutions.json: for each exercise a list
of cases {"args": [...], "want": [...]} in the order of the Go signature.
PyTorch is an independent implementation of the same formulas (autograd for
every gradient, torch.optim for the optimizers, torch.optim.lr_scheduler for
the schedules).
"""
import json

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(20240401)
out = {}


def add(name, args, want):
    def plain(v):
        if isinstance(v, torch.Tensor):
            return v.detach().tolist()
        if isinstance(v, np.ndarray):
            return v.tolist()
        return v
    out.setdefault(name, []).append({"args": [plain(a) for a in args], "want": [plain(w) for w in want]})


def t(a, grad=False):
    return torch.tensor(a, requires_grad=grad)


# Losses and their gradients, by autograd.
for n in (1, 5, 17):
    pred, target = rng.normal(size=n), rng.normal(size=n)
    p = t(pred, True)
    mse = ((p - t(target)) ** 2).mean()
    mse.backward()
    add("MSE", [pred, target], [mse.item()])
    add("MSEGrad", [pred, target], [p.grad])
    p = t(pred, True)
    rmse = torch.sqrt(((p - t(target)) ** 2).mean())
    rmse.backward()
    add("RMSE", [pred, target], [rmse.item()])
    add("RMSEGrad", [pred, target], [p.grad])

for prob, label in ((rng.uniform(0.01, 0.99, 7), rng.integers(0, 2, 7).astype(float)),
                    (np.array([0.0, 1.0, 0.0, 1.0, 0.3]), np.array([0.0, 1.0, 1.0, 0.0, 1.0]))):
    p = t(prob, True)
    bce = torch.nn.functional.binary_cross_entropy(p, t(label))
    bce.backward()
    add("BCE", [prob, label], [bce.item()])
    add("BCEGrad", [prob, label], [p.grad])

for n, k, scale in ((1, 3, 1.0), (4, 5, 3.0), (3, 2, 1000.0)):
    logits = rng.normal(size=(n, k)) * scale
    labels = rng.integers(0, k, n)
    z = t(logits, True)
    add("Softmax", [logits], [torch.softmax(z, dim=1)])
    ce = torch.nn.functional.cross_entropy(z, torch.tensor(labels))
    ce.backward()
    add("SoftmaxCrossEntropy", [logits, labels.tolist()], [ce.item()])
    add("SoftmaxCrossEntropyGrad", [logits, labels.tolist()], [z.grad])

# Backward passes: the gradient of sum(gradOut * f(input)) is the backward pass.
for n, i, o in ((1, 3, 2), (4, 2, 5)):
    x, w, b, g = rng.normal(size=(n, i)), rng.normal(size=(i, o)), rng.normal(size=o), rng.normal(size=(n, o))
    tx, tw, tb = t(x, True), t(w, True), t(b, True)
    ((tx @ tw + tb) * t(g)).sum().backward()
    add("DenseBackward", [x, w, g], [tx.grad, tw.grad, tb.grad])

for name, f in (("SigmoidBackward", torch.sigmoid), ("ReLUBackward", torch.relu), ("TanhBackward", torch.tanh)):
    z, g = rng.normal(size=(3, 4)) * 3, rng.normal(size=(3, 4))
    z[0, 0] = 0.0
    tz = t(z, True)
    (f(tz) * t(g)).sum().backward()
    add(name, [z, g], [tz.grad])


# Optimizers: one torch.optim step from a given state.
def opt_step(opt_cls, w, g, state, **kw):
    p = torch.nn.Parameter(t(w))
    opt = opt_cls([p], **kw)
    p.grad = t(g)
    if state:
        opt.state[p].update(state)
    opt.step()
    return p, opt.state[p]


for n in (1, 6):
    w, g = rng.normal(size=n), rng.normal(size=n)
    lr = 0.05
    p, _ = opt_step(torch.optim.SGD, w, g, None, lr=lr)
    add("SGDStep", [w, g, lr], [p])
    v = rng.normal(size=n)
    p, st = opt_step(torch.optim.SGD, w, g, {"momentum_buffer": t(v)}, lr=lr, momentum=0.9)
    add("MomentumStep", [w, g, v, lr, 0.9], [p, st["momentum_buffer"]])
    s = rng.uniform(0, 2, size=n)
    p, st = opt_step(torch.optim.RMSprop, w, g, {"step": 3, "square_avg": t(s)}, lr=lr, alpha=0.99, eps=1e-8)
    add("RMSpropStep", [w, g, s, lr, 0.99, 1e-8], [p, st["square_avg"]])
    m, vv = rng.normal(size=n) * 0.1, rng.uniform(0, 0.1, size=n)
    for step in (1, 2, 50):
        p, st = opt_step(torch.optim.Adam, w, g,
                         {"step": torch.tensor(float(step - 1)), "exp_avg": t(m), "exp_avg_sq": t(vv)},
                         lr=lr, betas=(0.9, 0.999), eps=1e-8)
        add("AdamStep", [w, g, m, vv, step, lr, 0.9, 0.999, 1e-8], [p, st["exp_avg"], st["exp_avg_sq"]])


# Schedules: the learning rate torch's schedulers set at each step.
def rates(make, steps):
    p = torch.nn.Parameter(t([0.0]))
    opt = torch.optim.SGD([p], lr=0.1)
    sched = make(opt)
    out = []
    for _ in range(steps):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


for step, lr in enumerate(rates(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=7, gamma=0.3), 30)):
    add("StepDecay", [0.1, 0.3, 7, step], [lr])
for step, lr in enumerate(rates(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=20, eta_min=0.001), 21)):
    add("CosineDecay", [0.1, 0.001, 20, step], [lr])

# One training step of the two-layer network, by autograd and torch.optim.SGD.
for n, d, h, k in ((1, 2, 3, 2), (6, 4, 5, 3)):
    x = rng.normal(size=(n, d))
    labels = rng.integers(0, k, n)
    w1, b1, w2, b2 = rng.normal(size=(d, h)), rng.normal(size=h), rng.normal(size=(h, k)), rng.normal(size=k)
    params = [torch.nn.Parameter(t(a)) for a in (w1, b1, w2, b2)]
    opt = torch.optim.SGD(params, lr=0.3)
    logits = torch.sigmoid(t(x) @ params[0] + params[1]) @ params[2] + params[3]
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(labels))
    loss.backward()
    opt.step()
    add("TrainStep", [x, labels.tolist(), w1, b1, w2, b2, 0.3], [loss.item()] + params)

with open("solutions/testdata/golden_solutions.json", "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
    f.write("\n")
print({k: len(v) for k, v in out.items()})
