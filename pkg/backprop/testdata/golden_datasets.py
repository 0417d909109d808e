"""Golden values for dataset_test.go: shapes, column sums and class counts of
the embedded data sets, as scikit-learn's own loaders read them.

Run from the repository root: /usr/bin/python3 pkg/backprop/testdata/golden_datasets.py
"""
import json
import os

import numpy as np
from sklearn import datasets


def summary(X, y, classes):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    out = {
        "rows": X.shape[0],
        "cols": X.shape[1],
        "col_sums": X.sum(axis=0).tolist(),
        "first_row": X[0].tolist(),
        "y_sum": float(y.sum()),
    }
    if classes is not None:
        out["class_names"] = [str(c) for c in classes]
        out["class_counts"] = np.bincount(y.astype(int)).tolist()
    return out


def main():
    golden = {}
    for name, load in [("iris", datasets.load_iris), ("breast_cancer", datasets.load_breast_cancer),
                       ("wine", datasets.load_wine), ("digits", datasets.load_digits)]:
        d = load()
        golden[name] = summary(d.data, d.target, d.target_names)
        golden[name]["feature_names"] = [str(f) for f in d.feature_names]
    d = datasets.load_diabetes(scaled=False)
    golden["diabetes"] = summary(d.data, d.target, None)
    golden["diabetes"]["feature_names"] = list(d.feature_names)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden_datasets.json")
    with open(path, "w") as fh:
        json.dump(golden, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
