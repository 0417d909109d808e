#!/usr/bin/python3
"""nbtext.py: edit notebooks as plain text, store them as .ipynb.

    scripts/nbtext.py to-text   notebooks/02-loss-functions.ipynb > /tmp/02.txt
    scripts/nbtext.py from-text /tmp/02.txt notebooks/02-loss-functions.ipynb

In the text form each cell starts with a line '%%md' (Markdown) or '%%go'
(a GoNB code cell). The .ipynb written has no outputs, the gonb kernel, and
stable cell ids (cell-00, cell-01, ...) so that diffs stay small.
"""
import sys

import nbformat

MARKERS = {"%%md": "markdown", "%%go": "code"}


def from_text(src, out):
    cells, kind, buf = [], None, []

    def flush():
        if kind is None:
            return
        text = "\n".join(buf).strip("\n")
        make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
        cells.append(make(text))

    with open(src) as f:
        for line in f.read().split("\n"):
            if line.strip() in MARKERS:
                flush()
                kind, buf = MARKERS[line.strip()], []
            else:
                buf.append(line)
    flush()
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"display_name": "Go (gonb)", "language": "go", "name": "gonb"},
        "language_info": {"name": "go"},
    }
    for i, c in enumerate(nb.cells):
        c["id"] = "cell-%02d" % i
    nbformat.write(nb, out)


def to_text(path):
    nb = nbformat.read(path, as_version=4)
    parts = []
    for c in nb.cells:
        parts.append(("%%md" if c.cell_type == "markdown" else "%%go") + "\n" + c.source + "\n")
    sys.stdout.write("\n".join(parts))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "to-text":
        to_text(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "from-text":
        from_text(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
