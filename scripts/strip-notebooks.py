#!/usr/bin/python3
"""strip-notebooks.py NB...: remove outputs and execution counts in place.

Notebooks are stored without outputs so that diffs show only what a person
wrote; `make test` fails if one is committed with outputs."""
import sys

import nbformat

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell.outputs or cell.execution_count is not None:
            cell.outputs, cell.execution_count = [], None
            changed = True
    if changed:
        nbformat.write(nb, path)
        print("stripped", path)
