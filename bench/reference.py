"""Reference implementations of the workloads of bench/compare.sh.

    /usr/bin/python3 bench/reference.py numpy|torch64|torch32 WORKLOAD DIR [ARGS]

WORKLOAD is one of
    w1 sparse|dense      one epoch of the 784-128-10 ReLU network, batch 64, SGD lr 0.1
    w2 BATCH STEPS       STEPS steps of the 2-16-16-1 tanh network, BCE, SGD lr 0.5
    matmul N             GFLOP/s of an N x N by N x N product

It reads the data and the starting weights that `gobench gen DIR` wrote
(raw little-endian float64, shapes in DIR/meta.json), trains without
shuffling, exactly as bench/gobench does, and prints one JSON line: the
time (wall-clock and CPU) and the loss on the whole training set after
training. numpy is
written by hand (forward and backward passes as matrix products); torch
uses nn.Linear, autograd and torch.optim.SGD, on one thread.
"""
import json
import os
import sys
import time

import numpy as np

W1_BATCH, W1_LR = 64, 0.1
W2_LR = 0.5


def load(d, name, meta):
    r, c = meta[name]
    return np.fromfile(os.path.join(d, name + ".f64"), dtype="<f8").reshape(r, c)


def emit(impl, **kw):
    print(json.dumps(dict(impl=impl, **kw)))


# ---------------------------------------------------------------- numpy

def np_w1(x, y, W1, b1, W2, b2):
    """One epoch; returns the parameters (updated in place)."""
    n = x.shape[0]
    b1, b2 = b1.ravel(), b2.ravel()
    for s in range(0, n, W1_BATCH):
        xb, yb = x[s:s + W1_BATCH], y[s:s + W1_BATCH]
        r = xb.shape[0]
        h = xb @ W1 + b1
        a = np.maximum(h, 0)
        z = a @ W2 + b2
        e = np.exp(z - z.max(axis=1, keepdims=True))
        g = e / e.sum(axis=1, keepdims=True)  # softmax
        g[np.arange(r), yb] -= 1
        g /= r  # dL/dz of the mean cross-entropy
        dW2, db2 = a.T @ g, g.sum(axis=0)
        da = g @ W2.T
        da[h <= 0] = 0
        dW1, db1 = xb.T @ da, da.sum(axis=0)
        W1 -= W1_LR * dW1
        b1 -= W1_LR * db1
        W2 -= W1_LR * dW2
        b2 -= W1_LR * db2
    return W1, b1, W2, b2


def np_w1_loss(x, y, W1, b1, W2, b2):
    z = np.maximum(x @ W1 + b1, 0) @ W2 + b2
    m = z.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    return float(np.mean(lse - z[np.arange(len(y)), y]))


def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))


def np_w2_forward(x, p):
    W1, b1, W2, b2, W3, b3 = p
    h1 = np.tanh(x @ W1 + b1)
    h2 = np.tanh(h1 @ W2 + b2)
    return h1, h2, sigmoid(h2 @ W3 + b3)


def bce(prob, t):
    """PyTorch's BCELoss: mean, each log floored at -100."""
    return float(np.mean(-(t * np.maximum(np.log(prob), -100) + (1 - t) * np.maximum(np.log1p(-prob), -100))))


def np_w2(x, t, p, batch, steps):
    W1, b1, W2, b2, W3, b3 = p
    n = x.shape[0]
    s = 0
    for _ in range(steps):
        xb, tb = x[s:s + batch], t[s:s + batch]
        s = s + batch if s + batch < n else 0
        r = xb.shape[0]
        h1 = np.tanh(xb @ W1 + b1)
        h2 = np.tanh(h1 @ W2 + b2)
        prob = sigmoid(h2 @ W3 + b3)
        dp = (prob - tb) / np.maximum(prob * (1 - prob), 1e-12) / r
        dz3 = dp * prob * (1 - prob)
        dh2 = dz3 @ W3.T
        dz2 = dh2 * (1 - h2 * h2)
        dh1 = dz2 @ W2.T
        dz1 = dh1 * (1 - h1 * h1)
        W3 -= W2_LR * (h2.T @ dz3)
        b3 -= W2_LR * dz3.sum(axis=0)
        W2 -= W2_LR * (h1.T @ dz2)
        b2 -= W2_LR * dz2.sum(axis=0)
        W1 -= W2_LR * (xb.T @ dz1)
        b1 -= W2_LR * dz1.sum(axis=0)
    return p


# ---------------------------------------------------------------- torch

def torch_net(torch, sizes, acts, weights, dtype):
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        lin = torch.nn.Linear(a, b)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(weights[2 * i].T.copy()))  # torch keeps W as out x in
            lin.bias.copy_(torch.from_numpy(weights[2 * i + 1].ravel().copy()))
        layers.append(lin)
        if acts[i] is not None:
            layers.append(acts[i]())
    return torch.nn.Sequential(*layers).to(dtype)


def torch_train(torch, net, lossfn, x, y, batch, steps, lr):
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    n = x.shape[0]
    s = 0
    for _ in range(steps):
        xb, yb = x[s:s + batch], y[s:s + batch]
        s = s + batch if s + batch < n else 0
        opt.zero_grad()
        lossfn(net(xb), yb).backward()
        opt.step()


def main():
    impl, work, d = sys.argv[1], sys.argv[2], sys.argv[4] if sys.argv[2] == "w1" else sys.argv[3]
    if work == "matmul":
        n = int(sys.argv[3])
        rng = np.random.default_rng(1)
        a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
        if impl == "numpy":
            mm = lambda: a @ b
        else:
            import torch
            torch.set_num_threads(1)
            dt = torch.float64 if impl == "torch64" else torch.float32
            ta, tb = torch.from_numpy(a).to(dt), torch.from_numpy(b).to(dt)
            mm = lambda: ta @ tb
        mm()
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            mm()
            best = min(best, time.perf_counter() - t0)
        emit(impl, workload="matmul%d" % n, gflops=2 * n ** 3 / best / 1e9)
        return

    meta = json.load(open(os.path.join(d, "meta.json")))
    if work == "w1":
        kind = sys.argv[3]
        x = load(d, "w1_x_" + kind, meta)
        y = load(d, "w1_y", meta).ravel().astype(np.int64)
        w = [load(d, "w1_" + k, meta).copy() for k in ("W1", "b1", "W2", "b2")]
        if impl == "numpy":
            t0, c0 = time.perf_counter(), time.process_time()
            w = np_w1(x, y, *w)
            sec, cpu = time.perf_counter() - t0, time.process_time() - c0
            loss = np_w1_loss(x, y, *w)
        else:
            import torch
            torch.set_num_threads(1)
            dt = torch.float64 if impl == "torch64" else torch.float32
            net = torch_net(torch, [784, 128, 10], [torch.nn.ReLU, None], w, dt)
            tx, ty = torch.from_numpy(x).to(dt), torch.from_numpy(y)
            del x
            lossfn = torch.nn.CrossEntropyLoss()
            steps = (tx.shape[0] + W1_BATCH - 1) // W1_BATCH
            t0, c0 = time.perf_counter(), time.process_time()
            torch_train(torch, net, lossfn, tx, ty, W1_BATCH, steps, W1_LR)
            sec, cpu = time.perf_counter() - t0, time.process_time() - c0
            with torch.no_grad():
                loss = float(sum(lossfn(net(tx[s:s + 1000]), ty[s:s + 1000]) * len(ty[s:s + 1000])
                                 for s in range(0, len(ty), 1000)) / len(ty))
        emit(impl, workload="w1-" + kind, seconds=sec, cpu_seconds=cpu, loss=loss)
    elif work == "w2":
        batch, steps = int(sys.argv[4]), int(sys.argv[5])
        x, t = load(d, "w2_x", meta), load(d, "w2_y", meta)
        w = [load(d, "w2_" + k, meta).copy() for k in ("W1", "b1", "W2", "b2", "W3", "b3")]
        if impl == "numpy":
            w = [v.ravel() if i % 2 else v for i, v in enumerate(w)]
            t0, c0 = time.perf_counter(), time.process_time()
            w = np_w2(x, t, w, batch, steps)
            sec, cpu = time.perf_counter() - t0, time.process_time() - c0
            loss = bce(np_w2_forward(x, w)[2], t)
        else:
            import torch
            torch.set_num_threads(1)
            dt = torch.float64 if impl == "torch64" else torch.float32
            net = torch_net(torch, [2, 16, 16, 1], [torch.nn.Tanh, torch.nn.Tanh, torch.nn.Sigmoid], w, dt)
            tx, tt = torch.from_numpy(x).to(dt), torch.from_numpy(t).to(dt)
            lossfn = torch.nn.BCELoss()
            t0, c0 = time.perf_counter(), time.process_time()
            torch_train(torch, net, lossfn, tx, tt, batch, steps, W2_LR)
            sec, cpu = time.perf_counter() - t0, time.process_time() - c0
            with torch.no_grad():
                loss = float(lossfn(net(tx), tt))
        emit(impl, workload="w2-batch%d" % batch, us_per_step=sec * 1e6 / steps,
             cpu_us_per_step=cpu * 1e6 / steps, loss=loss)
    else:
        sys.exit("unknown workload " + work)


if __name__ == "__main__":
    main()
