#!/usr/bin/python3
"""slide-layout.py: the slide structure of the notebooks' decks, as cell metadata.

    scripts/slide-layout.py [NB...]      set it in the notebooks (all by default)
    scripts/slide-layout.py --check      exit 1, naming them, if a notebook's
                                         metadata differs from what the rules say
    scripts/slide-layout.py --list NB    print each cell's slide type and first line
    scripts/slide-layout.py --stale DIR NB...
                                         print the notebooks whose executed copy in
                                         DIR is missing or has other cells

Each cell gets "slideshow": {"slide_type": ...}, which nbconvert's slides
(scripts/build-slides.sh) read: "slide" starts a slide, "subslide" a slide
below it (down arrow, or space), "fragment" appears on the next key press,
"-" continues the current slide, "notes" goes to the speaker view only, and
"skip" leaves the cell out. The live demos of the instructor's guide get the
tag "live-demo". Only metadata changes: sources, outputs and the file's
format (nbformat's, as scripts/strip-notebooks.py writes it) stay as they are.

The rules, in order (the first that applies wins):

 1. an entry of OVERRIDES below, chosen by hand for teaching;
 2. a Markdown cell with a heading of level 1 or 2 ("#", "##") starts a
    slide, one with a "###" heading a subslide; a "Try it" paragraph starts a
    subslide (a question break);
 3. Go notes (a Markdown cell that starts "Go note", "A Go note", "Two Go
    notes"...) go to the notes: the speaker mentions them when asked;
 4. set-up cells are skipped: the shell cell that connects the notebook to
    the repository with the text about it, the imports, and the exercises'
    stubs and check tables (their outputs are the stubs' failures, not
    teaching);
 5. a cell that runs (a GoNB "%%" cell) or draws a chart starts a subslide:
    its code and output on a slide of its own;
 6. code that only declares (functions, types) continues the slide when it
    is SHORT_CODE lines or fewer, starts a subslide up to LONG_CODE lines,
    and goes to the notes when longer;
 7. prose after code starts a subslide (it reads the output above); long
    prose (over LONG_PROSE characters, no formula, table or list) goes to
    the notes; other prose continues the slide.

A cell that shows a chart is never skipped or put in the notes: the first
chart of a notebook carries ECharts itself, and a chart in the notes is
never drawn.
"""
import re
import sys

import nbformat

SHORT_CODE = 3  # lines
LONG_CODE = 30  # lines
LONG_PROSE = 1100  # characters

# OVERRIDES[notebook][start of a line] = slide type, where the rules' choice
# does not suit a live session. The key is the start of a line of the cell
# (usually its first; spaces stripped) and must match one cell: an edit that
# changes it shows up as an unused entry, which --check reports.
OVERRIDES = {
    "00-start-here": {
        # The connection is taught here: the slide says why, the cell itself is noise.
        "## Cell 1: connect the notebook to the course": "notes",
    },
    "03-learning-rate": {
        # Long, but it holds the Try it on the edge near a rate of 1.
        "Read the error message:": "subslide",
    },
    "05-capstone": {
        # Section 6: the table of adapters and the code that uses them on
        # one slide; the live session shows the result.
        "// passes reports whether your function passes its public checks": "-",
        "// lossesOf and valLossesOf pick one curve": "notes",
        "_, library := trainModel(nil)": "-",
    },
}

# LIVE_DEMOS[notebook] = starts of the cells (as for OVERRIDES) that the
# instructor runs live in front of the class (docs/instructor-guide.md).
LIVE_DEMOS = {
    "03-learning-rate": [
        "rates := []float64{0.02, 0.3, 1.1}",  # three rates on the parabola
        "hists := map[float64]*backprop.History{}",  # η = 3 diverges in Fit
    ],
    "04-gradient-descent-optimizers": [
        "kappa, lr := 50.0, 0.035",  # the ravine, with and without momentum
        "rosen := backprop.Rosenbrock()",  # six optimizers race on one surface
    ],
    "05-capstone": [
        "live := viz.NewLiveLoss(",  # the live training chart
    ],
}

CHART = re.compile(r"\bviz\.(Show|NewLive\w*)\(")
GO_NOTE = re.compile(r"^(A |Two |Three |Four )?Go notes?\b", re.I)
TRY_IT = re.compile(r"^\*?Try it:?\*?:?")
CONNECT = re.compile(r"(?i)\bconnect(s)? (the|this) notebook")


def first_line(cell):
    """The cell's first line that is not blank or a bare "%%"."""
    for line in cell.source.splitlines():
        if line.strip() and line.strip() != "%%":
            return line.strip()
    return ""


def title(nb):
    """The notebook's first Markdown heading of level 1."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def is_setup(cell):
    src = cell.source.strip()
    return src.startswith("!") or src.startswith("import (") or src.startswith("import \"")


def headings(cell):
    """The Markdown heading lines of cell, without their #s, with their level."""
    if cell.cell_type != "markdown":
        return []
    return [(len(m.group(1)), m.group(2).strip()) for m in re.finditer(r"^(#+) (.*)$", cell.source, re.M)]


def rule(cell, prev, in_exercises):
    """The slide type the rules 2 to 7 give cell; prev is the cell before it."""
    src = cell.source.strip()
    head = first_line(cell)
    if cell.cell_type == "markdown":
        levels = [level for level, _ in headings(cell)]
        if CONNECT.search(head):
            return "skip"
        if levels and min(levels) <= 2:
            return "slide"
        if levels or TRY_IT.match(head):
            return "subslide"
        if GO_NOTE.match(head):
            return "notes"
        rich = "$$" in src or "\n|" in src or re.search(r"^\s*([-*]|\d+\.) ", src, re.M)
        if len(src) > LONG_PROSE and not rich:
            return "notes"
        if prev is not None and prev.cell_type == "code":
            return "subslide"
        return "-"
    if CHART.search(src):
        return "subslide"
    if is_setup(cell) or in_exercises or "checks." in src and ".Show()" in src or "showChecks(" in src:
        return "skip"
    lines = len(src.splitlines())
    if src.startswith("%%") or SHORT_CODE < lines <= LONG_CODE:
        return "subslide"
    return "-" if lines <= SHORT_CODE else "notes"


def lines(cell):
    """The cell's lines that are not blank or a bare "%%", stripped."""
    return [l.strip() for l in cell.source.splitlines() if l.strip() and l.strip() != "%%"]


def matching(keys, cell):
    """The one key that a line of cell starts with, or None."""
    found = sorted({k for k in keys for line in lines(cell) if line.startswith(k)})
    if len(found) > 1:
        raise SystemExit("slide-layout: %r matches several keys: %r" % (first_line(cell), found))
    return found[0] if found else None


def layout(name, nb):
    """The slide type and tags of every cell, and the entries of OVERRIDES
    and LIVE_DEMOS that match no cell or several."""
    overrides = OVERRIDES.get(name, {})
    demos = LIVE_DEMOS.get(name, [])
    used = []
    out, prev, in_exercises = [], None, False
    for cell in nb.cells:
        head = first_line(cell)
        for _, text in headings(cell):
            in_exercises = text.lower().startswith("exercises")
        key = matching(overrides, cell)
        kind = overrides[key] if key else rule(cell, prev, in_exercises)
        if cell.cell_type == "code" and CHART.search(cell.source) and kind in ("skip", "notes"):
            raise SystemExit("slide-layout: %s: a chart cell cannot be %r: %s" % (name, kind, head))
        demo = matching(demos, cell)
        used += [k for k in (key, demo) if k]
        out.append((kind, ["live-demo"] if demo else []))
        if kind != "skip":
            prev = cell
    wrong = [k for k in list(overrides) + demos if used.count(k) != 1]
    return out, wrong


def apply(name, nb):
    """Set the metadata; return whether it changed and the unused entries."""
    kinds, unused = layout(name, nb)
    changed = False
    for cell, (kind, tags) in zip(nb.cells, kinds):
        md = dict(cell.metadata)
        md["slideshow"] = {"slide_type": kind}
        others = [t for t in md.get("tags", []) if t != "live-demo"]
        if others or tags:
            md["tags"] = others + tags
        else:
            md.pop("tags", None)
        if md != cell.metadata:
            cell.metadata = nbformat.from_dict(md)
            changed = True
    return changed, unused


def stale(source, executed):
    """Whether the executed notebook's cells differ from the source's."""
    if len(source.cells) != len(executed.cells):
        return True
    return any(a.cell_type != b.cell_type or a.source != b.source
               for a, b in zip(source.cells, executed.cells))


def notebook_name(path):
    return path.rsplit("/", 1)[-1][: -len(".ipynb")]


def main(args):
    import glob
    import os

    if args[:1] == ["--stale"]:
        executed, paths = args[1], args[2:]
        for path in paths:
            done = os.path.join(executed, os.path.basename(path))
            if not os.path.exists(done) or stale(nbformat.read(path, as_version=4),
                                                 nbformat.read(done, as_version=4)):
                print(path)
        return 0
    if args[:1] == ["--list"]:
        for path in args[1:]:
            nb = nbformat.read(path, as_version=4)
            kinds, _ = layout(notebook_name(path), nb)
            for i, (cell, (kind, tags)) in enumerate(zip(nb.cells, kinds)):
                print("%3d %-9s %-4s %s%s" % (i, kind, cell.cell_type[:4], first_line(cell)[:80],
                                             "  [live-demo]" if tags else ""))
        return 0
    check = args[:1] == ["--check"]
    paths = [a for a in args if not a.startswith("--")] or sorted(glob.glob("notebooks/*.ipynb"))
    status = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        changed, unused = apply(notebook_name(path), nb)
        for head in unused:
            print("%s: not one cell starts with %r (an entry of scripts/slide-layout.py)"
                  % (path, head), file=sys.stderr)
            status = 1
        if changed and check:
            print("%s: slide metadata is not what scripts/slide-layout.py sets; run it" % path,
                  file=sys.stderr)
            status = 1
        elif changed:
            nbformat.write(nb, path)
            print("slide layout set in", path)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
