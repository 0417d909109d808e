"""Golden learning rates of torch.optim.lr_scheduler for schedule_test.go.

Run from the repository root with Debian's Python (PyTorch 1.13):

    /usr/bin/python3 pkg/backprop/testdata/golden_schedules.py

Each "cases" entry names a Go schedule constructor and its arguments ("args",
positional, or "config", the Go config struct's fields), and lists the rate
torch gives at steps 0, 1, 2, ...: the optimizer's lr after that many calls
of the scheduler's step() (CosineWave runs CosineAnnealingLR for several
times its T_max). Each "plateau" entry feeds a metric sequence to
ReduceLROnPlateau (config: the Go PlateauConfig fields) and lists the lr
after each step.
"""

import json
import os
import warnings

import torch
from torch.optim import lr_scheduler as S

warnings.simplefilter("ignore")  # torch warns about step order; irrelevant here


def rates(lr, make, n):
    """The lr of an SGD optimizer driven by the scheduler make(opt)."""
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    sched = make(opt)
    out = [opt.param_groups[0]["lr"]]
    for _ in range(n - 1):
        opt.step()
        sched.step()
        out.append(opt.param_groups[0]["lr"])
    return out


def warm_up(steps, lr, make_inner, n):
    """torch's form of Go's WarmUp(steps, inner)."""
    def make(opt):
        ramp = S.LinearLR(opt, start_factor=1 / (steps + 1), end_factor=1.0, total_iters=steps)
        return S.SequentialLR(opt, [ramp, make_inner(opt)], milestones=[steps])
    return rates(lr, make, n)


def case(schedule, torch_rates, args=None, config=None, inner=None):
    c = {"schedule": schedule}
    if args is not None:
        c["args"] = args
    if config is not None:
        c["config"] = config
    if inner is not None:
        c["inner"] = inner
    c["rates"] = torch_rates
    return c


def one_cycle(cfg, n):
    kw = dict(max_lr=cfg["MaxLR"], total_steps=cfg["TotalSteps"],
              pct_start=cfg.get("PctStart", 0.3),
              div_factor=cfg.get("DivFactor", 25.0),
              final_div_factor=cfg.get("FinalDivFactor", 1e4),
              anneal_strategy="linear" if cfg.get("Linear") else "cos",
              three_phase=cfg.get("ThreePhase", False),
              cycle_momentum=False)
    return case("OneCycle", rates(cfg["MaxLR"], lambda o: S.OneCycleLR(o, **kw), n), config=cfg)


MODES = {0: "triangular", 1: "triangular2", 2: "exp_range"}


def cyclical(cfg, n):
    up = cfg.get("StepSizeUp", 2000)
    kw = dict(base_lr=cfg["BaseLR"], max_lr=cfg["MaxLR"], step_size_up=up,
              step_size_down=cfg.get("StepSizeDown") or None,
              mode=MODES[cfg.get("Mode", 0)], gamma=cfg.get("Gamma", 1.0),
              cycle_momentum=False)
    return case("Cyclical", rates(cfg["BaseLR"], lambda o: S.CyclicLR(o, **kw), n), config=cfg)


def cosine(max_lr, min_lr, period, mult, n):
    if mult == 0:  # no restarts: CosineAnnealingLR up to its T_max
        make = lambda o: S.CosineAnnealingLR(o, T_max=period, eta_min=min_lr)
        n = min(n, period + 1)
    else:
        make = lambda o: S.CosineAnnealingWarmRestarts(o, T_0=period, T_mult=mult, eta_min=min_lr)
    return case("CosineAnnealing", rates(max_lr, make, n), args=[max_lr, min_lr, period, mult])


def cosine_wave(max_lr, min_lr, period, n):
    """CosineAnnealingLR run past its T_max, where it climbs back up."""
    make = lambda o: S.CosineAnnealingLR(o, T_max=period, eta_min=min_lr)
    return case("CosineWave", rates(max_lr, make, n), args=[max_lr, min_lr, period])


def plateau(lr, cfg, metrics):
    """torch's ReduceLROnPlateau fed metrics; the lr after each step."""
    patience = cfg.get("Patience", 0)
    threshold = cfg.get("Threshold", 0.0)
    kw = dict(mode=["min", "max"][cfg.get("Mode", 0)],
              factor=cfg.get("Factor") or 0.1,
              patience=10 if patience == 0 else max(patience, 0),
              threshold=1e-4 if threshold == 0 else max(threshold, 0.0),
              threshold_mode=["rel", "abs"][cfg.get("ThresholdMode", 0)],
              cooldown=cfg.get("Cooldown", 0),
              min_lr=cfg.get("MinLR", 0.0),
              eps=cfg.get("Eps") or 1e-8)
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    sched = S.ReduceLROnPlateau(opt, **kw)
    out = []
    for m in metrics:
        sched.step(m)
        out.append(opt.param_groups[0]["lr"])
    return {"lr": lr, "config": cfg, "metrics": metrics, "rates": out}


def main():
    cases = [
        case("StepDecay", rates(0.1, lambda o: S.StepLR(o, step_size=7, gamma=0.5), 40), args=[0.1, 7, 0.5]),
        case("StepDecay", rates(0.3, lambda o: S.StepLR(o, step_size=1, gamma=0.9), 20), args=[0.3, 1, 0.9]),
        case("Exponential", rates(0.1, lambda o: S.ExponentialLR(o, gamma=0.93), 40), args=[0.1, 0.93]),
        cosine(0.1, 0.001, 10, 1, 45),
        cosine(0.1, 0.0, 5, 2, 60),
        cosine(0.05, 0.01, 3, 3, 50),
        cosine(0.1, 0.001, 20, 0, 21),
        cosine_wave(0.1, 0.001, 10, 45),
        cosine_wave(0.05, 0.0, 7, 60),
        cosine_wave(1.0, 0.2, 1, 6),
        cyclical({"BaseLR": 0.001, "MaxLR": 0.006, "StepSizeUp": 5}, 40),
        cyclical({"BaseLR": 0.001, "MaxLR": 0.006, "StepSizeUp": 4, "StepSizeDown": 6}, 40),
        cyclical({"BaseLR": 0.01, "MaxLR": 0.1, "StepSizeUp": 3, "StepSizeDown": 7, "Mode": 1}, 45),
        cyclical({"BaseLR": 0.01, "MaxLR": 0.1, "StepSizeUp": 5, "Mode": 2, "Gamma": 0.97}, 45),
        one_cycle({"MaxLR": 0.1, "TotalSteps": 50}, 50),
        one_cycle({"MaxLR": 0.1, "TotalSteps": 37, "PctStart": 0.25, "DivFactor": 10.0, "FinalDivFactor": 100.0}, 37),
        one_cycle({"MaxLR": 1.0, "TotalSteps": 40, "Linear": True}, 40),
        one_cycle({"MaxLR": 0.5, "TotalSteps": 45, "ThreePhase": True}, 45),
        one_cycle({"MaxLR": 0.5, "TotalSteps": 30, "ThreePhase": True, "Linear": True, "PctStart": 0.4}, 30),
        case("WarmUp", warm_up(5, 0.1, lambda o: S.ExponentialLR(o, gamma=0.9), 30),
             args=[5], inner={"schedule": "Exponential", "args": [0.1, 0.9]}),
        case("WarmUp", warm_up(3, 0.1, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=10, eta_min=0.0), 40),
             args=[3], inner={"schedule": "CosineAnnealing", "args": [0.1, 0.0, 10, 1]}),
    ]
    # A loss that falls, stalls with small wiggles, falls again, stalls.
    loss = [1 / (1 + 0.3 * t) for t in range(12)]
    loss += [loss[-1] * (1 + 0.00005 * ((-1) ** t)) for t in range(14)]
    loss += [loss[-1] * 0.9 ** t for t in range(1, 6)]
    loss += [loss[-1] + 0.01 * (t % 3) for t in range(25)]
    acc = [1 - x / 2 for x in loss]
    plateaus = [
        plateau(0.1, {}, loss),
        plateau(0.1, {"Patience": 2}, loss),
        plateau(0.1, {"Patience": -1, "Factor": 0.5}, loss),
        plateau(0.1, {"Patience": 2, "Cooldown": 3, "Factor": 0.5}, loss),
        plateau(0.1, {"Patience": 1, "MinLR": 0.004, "Factor": 0.3}, loss),
        plateau(0.1, {"Patience": 1, "Threshold": 0.01}, loss),
        plateau(0.1, {"Patience": 1, "Threshold": -1}, loss),
        plateau(0.1, {"Patience": 1, "Threshold": 0.001, "ThresholdMode": 1}, loss),
        plateau(0.1, {"Patience": 2, "Mode": 1}, acc),
        plateau(0.1, {"Patience": 2, "Mode": 1, "ThresholdMode": 1, "Threshold": 0.002}, acc),
        plateau(1e-7, {"Patience": 1, "Factor": 0.5, "Eps": 1e-7}, loss),
    ]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_schedules.json")
    with open(path, "w") as f:
        f.write('{"torch": %s, "cases": [\n' % json.dumps(torch.__version__))
        f.write(",\n".join(json.dumps(c) for c in cases))
        f.write('\n], "plateau": [\n')
        f.write(",\n".join(json.dumps(c) for c in plateaus))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
