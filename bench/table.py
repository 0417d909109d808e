"""Prints the table of bench/compare.sh from its JSON lines (stdin).

For every workload and implementation it keeps the best (smallest) time of
the repeated runs, checks that the float64 implementations reach the same
loss to 6 significant digits (float32 PyTorch to 3), and gives each time as
a ratio to the project's pure-Go build: "numpy/go 3.1x" means numpy takes
3.1 times as long. Exits with status 1 if a loss disagrees.
"""
import json
import sys

CPU = "--cpu" in sys.argv  # compare CPU times instead of wall-clock times

IMPLS = ["go", "go-openblas", "numpy", "torch64", "torch32"]
FLOAT64 = {"go", "go-openblas", "numpy", "torch64"}
ORDER = ["w1-sparse", "w1-sparse-loop", "w1-dense", "w1-dense-loop", "w2-batch32", "w2-batch32-loop",
         "w2-batch1000", "w2-batch1000-loop", "matmul1024"]
LOOP = "-loop"  # the same workload trained by the loop a learner writes, not Fit
UNIT = {"seconds": "s/epoch", "us_per_step": "µs/step", "gflops": "GFLOP/s"}

best = {}  # (workload, impl) -> row
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    if r["workload"] not in ORDER:
        continue
    key = (r["workload"], r["impl"])
    metric = next(m for m in UNIT if m in r)
    if CPU and "cpu_" + metric in r:
        r[metric] = r["cpu_" + metric]
    r["metric"] = metric
    old = best.get(key)
    better = (lambda a, b: a > b) if metric == "gflops" else (lambda a, b: a < b)
    if old is None or better(r[metric], old[metric]):
        best[key] = r

impls = [i for i in IMPLS if any(k[1] == i for k in best)]
head = ["workload", "unit"] + impls + ["%s/go" % i for i in impls if i != "go"] + ["loss (go)", "same loss"]
rows, ok = [], True
for w in ORDER:
    got = {i: best.get((w, i)) for i in impls}
    if not got.get("go"):
        continue
    metric = got["go"]["metric"]
    cells = [w, UNIT[metric]]
    for i in impls:
        cells.append("%.4g" % got[i][metric] if got[i] else "-")
    for i in impls:
        if i == "go":
            continue
        if not got[i]:
            cells.append("-")
            continue
        ratio = got["go"][metric] / got[i][metric] if metric == "gflops" else got[i][metric] / got["go"][metric]
        cells.append("%.2fx" % ratio)
    if w.endswith(LOOP) and "loss" in got["go"]:
        # The plain loop must reach Fit's loss bit for bit, in each build.
        verdict = []
        for i in impls:
            fit = best.get((w[: -len(LOOP)], i))
            if got[i] and fit and got[i]["loss"] != fit["loss"]:
                ok = False
                verdict.append("%s OFF Fit's" % i)
        cells += ["%.9g" % got["go"]["loss"], "; ".join(verdict) or "yes (Fit's, bit for bit)"]
    elif "loss" in got["go"]:
        ref = got["go"]["loss"]
        verdict = []
        for i in impls:
            if i == "go" or not got[i]:
                continue
            rel = abs(got[i]["loss"] - ref) / abs(ref)
            tol = 5e-7 if i in FLOAT64 else 5e-4
            if rel > tol:
                ok = False
                verdict.append("%s OFF by %.1e" % (i, rel))
        cells += ["%.9g" % ref, "; ".join(verdict) or "yes"]
    else:
        cells += ["", ""]
    rows.append(cells)

widths = [max(len(str(r[c])) for r in [head] + rows) for c in range(len(head))]
for r in [head, ["-" * w for w in widths]] + rows:
    print("| " + " | ".join(str(v).ljust(w) for v, w in zip(r, widths)) + " |")
print()
print("times: %s;" % ("CPU time of the process (user + system)" if CPU else "wall-clock"))
print("ratios: the other implementation's time over the pure-Go build's (>1: Go is faster);")
print("for GFLOP/s, Go's rate over the other's. Best of the repeated runs. Losses: float64")
print("implementations within 6 significant digits of Go, float32 PyTorch within 3.")
print("The -loop rows train with the loop a learner writes (forward, loss, zero + backward,")
print("update) instead of Fit; they must reach Fit's loss bit for bit. Plain loop over Fit:")
for w in ORDER:
    if w.endswith(LOOP):
        pairs = [(i, best.get((w, i)), best.get((w[: -len(LOOP)], i))) for i in impls]
        cells = ["%s %.2fx" % (i, a[a["metric"]] / b[b["metric"]]) for i, a, b in pairs if a and b]
        if cells:
            print("- %s: %s" % (w[: -len(LOOP)], ", ".join(cells)))


def t(w, i):
    """The best time (or rate) of implementation i on workload w, or None."""
    r = best.get((w, i))
    return r[r["metric"]] if r else None


def check(name, holds, detail):
    print("- %s: %s (%s)" % (name, "met" if holds else "NOT MET", detail))


print()
print("Targets (issue: performance), from the times above:")
go32, np32 = t("w2-batch32", "go"), t("w2-batch32", "numpy")
torch = [x for x in (t("w2-batch32", "torch64"), t("w2-batch32", "torch32")) if x]
if go32:
    check("W2 batch 32 at most 10 µs per step", go32 <= 10, "%.2f µs" % go32)
    if np32:
        check("W2 batch 32 at least 4x faster than numpy", np32 / go32 >= 4, "%.1fx" % (np32 / go32))
    if torch:  # against the faster of PyTorch's two precisions
        check("W2 batch 32 at least 15x faster than PyTorch", min(torch) / go32 >= 15, "%.1fx" % (min(torch) / go32))
if t("w2-batch1000", "go") and t("w2-batch1000", "numpy"):
    r = t("w2-batch1000", "numpy") / t("w2-batch1000", "go")
    check("W2 full batch no slower than numpy", r >= 1, "%.2fx" % r)
for w in ("w1-sparse", "w1-dense"):
    if t(w, "go") and t(w, "numpy"):
        r = t(w, "numpy") / t(w, "go")
        check("%s: pure Go no slower than numpy" % w, r >= 1, "%.2fx" % r)
    if t(w, "go-openblas") and t(w, "torch32"):
        r = t(w, "torch32") / t(w, "go-openblas")
        check("%s: OpenBLAS build no slower than PyTorch float32" % w, r >= 1, "%.2fx" % r)
sys.exit(0 if ok else 1)
