#!/usr/bin/python3
"""translations.py: build the course's other editions from the English notebooks.

    scripts/translations.py build  [NN ...]   write notebooks/id/NN-name.ipynb
    scripts/translations.py check             exit 1 if a translation is out of step
    scripts/translations.py status [NN ...]   what changed in English, cell by cell
    scripts/translations.py stub   NN         print a translation file for a new notebook
    scripts/translations.py rehash [NN ...]   re-key code cells whose English changed but
                                              whose substitutions all still match

The English notebook notebooks/NN-name.ipynb is the one source of the code.
Its translation notebooks/id/translations/NN-name.id.md holds, for every cell of the
English notebook, a section that starts with the cell's kind and the sha256
of its English source:

    %%md <sha256 of the English Markdown>
    the Indonesian Markdown of that cell

    %%code <sha256 of the English code>
    "English text shown to the learner" => "its Indonesian text"

A Markdown cell is replaced by its section's text. A code cell is copied
as it is, except for the exact substitutions listed in its section (one a
line, each side a JSON string): chart titles, axis names, table headers and
printed sentences. Every substitution must match the English code, so code
never differs between the editions except in those strings. Lines before
the first section are notes for translators and are ignored. Formulas
($...$, $$...$$) are kept as they are: check fails when one of an English
cell's formulas is missing from its translation.

`check` fails when an English cell has no section with its hash (the cell
is new or changed since it was translated), when a section matches no cell
(the cell was changed or removed), when a substitution matches nothing, and
when notebooks/id/NN-name.ipynb is not exactly what `build` writes. After an
English change: `status` shows each changed cell with the English diff since
the version that was translated (found in git history); update the text,
paste the new hash it prints, then `build`.

README.id.md and docs/instructor-guide.id.md translate README.md and
docs/instructor-guide.md as wholes: their first line records the sha256 of
the English file, and `check` and `status` print a note (without failing)
when the English file changed since.
"""
import argparse
import collections
import copy
import difflib
import glob
import hashlib
import json
import os
import re
import subprocess
import sys

import nbformat

LANGS = ("id",)
SECTION = re.compile(r"^%%(md|code) ([0-9a-f]{64})\s*$")
# Formulas: $$...$$ and $...$. A translation keeps every formula of its
# English cell, character for character (it may add some).
MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.S)


def cell_hash(source):
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


class Section:
    def __init__(self, kind, digest, line):
        self.kind, self.hash, self.line = kind, digest, line
        self.lines = []
        self.subs = []  # (old, new, line)

    @property
    def text(self):
        return "\n".join(self.lines).strip("\n")


def parse(path):
    """The sections of a translation file, and the problems found in it."""
    sections, problems, cur = [], [], None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        m = SECTION.match(line)
        if m:
            cur = Section(m.group(1), m.group(2), n)
            sections.append(cur)
        elif line.startswith("%%md") or line.startswith("%%code"):
            problems.append("%s:%d: a section header needs the kind and a 64-digit sha256: %r" % (path, n, line))
        elif cur is not None:
            cur.lines.append(line)
    for s in sections:
        if s.kind != "code":
            continue
        for i, line in enumerate(s.lines):
            if not line.strip():
                continue
            n = s.line + 1 + i
            try:
                dec = json.JSONDecoder()
                old, end = dec.raw_decode(line)
                rest = line[end:].lstrip()
                if not rest.startswith("=>"):
                    raise ValueError("expected =>")
                new, end = dec.raw_decode(rest[2:].lstrip())
                if not isinstance(old, str) or not isinstance(new, str) or not old:
                    raise ValueError("both sides must be strings, the left one not empty")
            except ValueError as e:
                problems.append('%s:%d: a substitution reads "English" => "translation" (JSON strings): %s' % (path, n, e))
                continue
            s.subs.append((old, new, n))
    return sections, problems


def paths(root, lang, name):
    """English notebook, translation file, translated notebook."""
    return (os.path.join(root, "notebooks", name + ".ipynb"),
            os.path.join(root, "notebooks", lang, "translations", name + "." + lang + ".md"),
            os.path.join(root, "notebooks", lang, name + ".ipynb"))


def english_names(root):
    return [os.path.basename(p)[:-len(".ipynb")] for p in sorted(glob.glob(os.path.join(root, "notebooks", "*.ipynb")))]


def translate(root, lang, name):
    """The translated notebook as text, and the problems found on the way."""
    en_path, tr_path, _ = paths(root, lang, name)
    if not os.path.exists(tr_path):
        return None, ["%s: missing (the translation of %s)" % (rel(root, tr_path), rel(root, en_path))]
    sections, problems = parse(tr_path)
    problems = [p.replace(tr_path, rel(root, tr_path)) for p in problems]
    nb = nbformat.read(en_path, as_version=4)
    by_hash = {}
    for s in sections:
        by_hash.setdefault((s.kind, s.hash), s)
    used = set()
    out = copy.deepcopy(nb)
    for i, cell in enumerate(out.cells, 1):
        kind = "md" if cell.cell_type == "markdown" else "code"
        digest = cell_hash(cell.source)
        s = by_hash.get((kind, digest))
        if s is None:
            first = cell.source.strip().split("\n")[0][:70]
            problems.append("%s: cell %d (%s) changed or is new in English: no section %%%%%s %s... [%s]"
                            % (rel(root, tr_path), i, kind, kind, digest[:12], first))
            continue
        used.add(id(s))
        if kind == "md":
            if not s.text.strip():
                problems.append("%s:%d: cell %d has an empty translation" % (rel(root, tr_path), s.line, i))
            elif s.text.strip() == cell.source.strip():
                problems.append("%s:%d: cell %d is still the English text (not translated yet)" % (rel(root, tr_path), s.line, i))
            missing = collections.Counter(MATH.findall(cell.source)) - collections.Counter(MATH.findall(s.text))
            for formula in sorted(missing):
                problems.append("%s:%d: cell %d: the formula %s of the English text is missing or changed"
                                % (rel(root, tr_path), s.line, i, formula))
            cell.source = s.text
        else:
            src = cell.source
            for old, new, n in s.subs:
                if old not in src:
                    problems.append("%s:%d: cell %d: %s matches nothing in the English code"
                                    % (rel(root, tr_path), n, i, json.dumps(old, ensure_ascii=False)))
                src = src.replace(old, new)
            cell.source = src
    for s in sections:
        if id(s) not in used:
            problems.append("%s:%d: section %%%%%s %s... matches no cell of %s (the English cell changed or was removed)"
                            % (rel(root, tr_path), s.line, s.kind, s.hash[:12], rel(root, en_path)))
    out.metadata["language"] = lang
    return nbformat.writes(out) + "\n", problems


def rel(root, path):
    return os.path.relpath(path, root)


def select(root, wanted):
    names = english_names(root)
    if not wanted:
        return names
    chosen = [n for n in names if any(n == w or n.startswith(w + "-") for w in wanted)]
    if len(chosen) == 0:
        sys.exit("translations: no notebook matches %s" % " ".join(wanted))
    return chosen


def cmd_build(root, wanted):
    status = 0
    for lang in LANGS:
        for name in select(root, wanted):
            text, problems = translate(root, lang, name)
            for p in problems:
                print(p, file=sys.stderr)
            if text is None:
                status = 1
                continue
            _, _, out = paths(root, lang, name)
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
            print("wrote %s%s" % (rel(root, out), " (with %d problem%s above)" % (len(problems), "" if len(problems) == 1 else "s") if problems else ""))
            if problems:
                status = 1
    return status


# Translated documents outside the notebooks, as (English, translation): the
# translation's first line is an HTML comment that records the sha256 of the
# English file it translates, "<!-- ... docs/instructor-guide.md (sha256 ...)".
DOCUMENTS = [
    ("README.md", "README.id.md"),
    ("docs/instructor-guide.md", "docs/instructor-guide.id.md"),
]


def document_note(root, english, translation):
    """A note when english changed since translation was translated, or None."""
    try:
        with open(os.path.join(root, translation), encoding="utf-8") as f:
            first = f.readline()
        with open(os.path.join(root, english), "rb") as f:
            now = hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None
    m = re.search(r"<!-- .*?(?<![\w./-])%s \(sha256 ([0-9a-f]{64})\)" % re.escape(english), first)
    if m is None:
        return "note: %s does not record which %s it translates (sha256 in its first line)" % (translation, english)
    if m.group(1) != now:
        return ("note: %s changed since %s was translated; update %s and the sha256 in its first line to %s "
                "(`git diff` of %s shows what changed)" % (english, translation, translation, now, english))
    return None


def document_notes(root):
    """The notes of document_note for every translated document."""
    return [n for n in (document_note(root, en, tr) for en, tr in DOCUMENTS) if n]


def cmd_check(root):
    for note in document_notes(root):
        print(note)
    problems = []
    names = english_names(root)
    for lang in LANGS:
        for name in names:
            text, found = translate(root, lang, name)
            problems += found
            _, _, out = paths(root, lang, name)
            if text is None:
                continue
            try:
                with open(out, encoding="utf-8") as f:
                    stored = f.read()
            except OSError:
                stored = None
            if stored != text:
                problems.append("%s: not what the translation builds; run `make translations`" % rel(root, out))
        for p in sorted(glob.glob(os.path.join(root, "notebooks", lang, "*.ipynb")) +
                        glob.glob(os.path.join(root, "notebooks", lang, "translations", "*"))):
            base = os.path.basename(p)
            stem = base[:-len(".ipynb")] if base.endswith(".ipynb") else base[:-len("." + lang + ".md")] if base.endswith("." + lang + ".md") else None
            if stem is not None and stem not in names:
                problems.append("%s: no English notebook notebooks/%s.ipynb" % (rel(root, p), stem))
    for p in problems:
        print(p)
    if problems:
        print("translations: %d problem%s; `scripts/translations.py status` shows what changed in English"
              % (len(problems), "" if len(problems) == 1 else "s"))
        return 1
    print("translations: every cell of %d notebooks is translated for its current English text (%s)" % (len(names), ", ".join(LANGS)))
    return 0


def english_history(root, en_path):
    """{sha256: source} of every cell in the English notebook's git history."""
    found = {}
    relpath = rel(root, en_path)
    try:
        revs = subprocess.run(["git", "-C", root, "log", "--format=%H", "-n", "200", "--", relpath],
                              capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return found
    for rev in revs:
        r = subprocess.run(["git", "-C", root, "show", "%s:%s" % (rev, relpath)], capture_output=True, text=True)
        if r.returncode != 0:
            continue
        try:
            nb = nbformat.reads(r.stdout, as_version=4)
        except Exception:
            continue
        for c in nb.cells:
            found.setdefault(cell_hash(c.source), c.source)
    return found


def cmd_status(root, wanted):
    stale = 0
    for lang in LANGS:
        for name in select(root, wanted):
            en_path, tr_path, _ = paths(root, lang, name)
            if not os.path.exists(tr_path):
                print("%s: missing; start one with `scripts/translations.py stub %s`" % (rel(root, tr_path), name[:2]))
                stale += 1
                continue
            sections, _ = parse(tr_path)
            nb = nbformat.read(en_path, as_version=4)
            current = {(("md" if c.cell_type == "markdown" else "code"), cell_hash(c.source)) for c in nb.cells}
            unmatched = [s for s in sections if (s.kind, s.hash) not in current]
            history = None
            for i, c in enumerate(nb.cells, 1):
                kind = "md" if c.cell_type == "markdown" else "code"
                digest = cell_hash(c.source)
                if any(s.kind == kind and s.hash == digest for s in sections):
                    continue
                stale += 1
                if history is None:
                    history = english_history(root, en_path)
                print("==== %s, cell %d (%s): new hash %%%%%s %s" % (rel(root, tr_path), i, kind, kind, digest))
                old = closest(unmatched, kind, c.source, history)
                if old is not None:
                    unmatched.remove(old)
                    print("was %%%%%s %s (line %d of the translation); English diff:" % (kind, old.hash[:12], old.line))
                    diff = difflib.unified_diff(history[old.hash].split("\n"), c.source.split("\n"), "before", "now", lineterm="", n=1)
                    print("\n".join(list(diff)[2:]))
                else:
                    print("a new cell (or its old version is not in git history); English now:")
                    print(c.source)
                print()
            for s in unmatched:
                stale += 1
                print("==== %s:%d: section %%%%%s %s... matches no cell: the English cell was removed or changed beyond recognition"
                      % (rel(root, tr_path), s.line, s.kind, s.hash[:12]))
    for note in document_notes(root):
        print(note)
    if stale == 0:
        print("translations: up to date")
    return 1 if stale else 0


def closest(unmatched, kind, source, history):
    """The unmatched section whose English text (found in git history) is
    most like source, or None."""
    best, score = None, 0.0
    for s in unmatched:
        if s.kind != kind or s.hash not in history:
            continue
        r = difflib.SequenceMatcher(None, history[s.hash], source).ratio()
        if r > score:
            best, score = s, r
    return best


def cmd_rehash(root, wanted):
    """Re-key the sections of code cells that changed in English when every
    substitution still matches the new code; Markdown is never re-keyed."""
    status = 0
    for lang in LANGS:
        for name in select(root, wanted):
            en_path, tr_path, _ = paths(root, lang, name)
            if not os.path.exists(tr_path):
                continue
            sections, _ = parse(tr_path)
            nb = nbformat.read(en_path, as_version=4)
            current = {(("md" if c.cell_type == "markdown" else "code"), cell_hash(c.source)) for c in nb.cells}
            unmatched = [s for s in sections if (s.kind, s.hash) not in current]
            keyed = {(s.kind, s.hash) for s in sections}
            history, lines, changed = None, None, False
            for i, c in enumerate(nb.cells, 1):
                digest = cell_hash(c.source)
                if c.cell_type == "markdown" or ("code", digest) in keyed:
                    continue
                if history is None:
                    history = english_history(root, en_path)
                    with open(tr_path, encoding="utf-8") as f:
                        lines = f.read().split("\n")
                old = closest(unmatched, "code", c.source, history)
                if old is None:
                    print("%s: cell %d (code) is new: add a section %%%%code %s" % (rel(root, tr_path), i, digest))
                    status = 1
                    continue
                unmatched.remove(old)
                missing = [o for o, _, _ in old.subs if o not in c.source]
                if missing:
                    print("%s:%d: cell %d (code): %s no longer in the English code: edit by hand"
                          % (rel(root, tr_path), old.line, i, ", ".join(json.dumps(m, ensure_ascii=False) for m in missing)))
                    status = 1
                    continue
                lines[old.line - 1] = "%%%%code %s" % digest
                changed = True
                print("%s:%d: cell %d (code) re-keyed: %s. English diff (check that it shows no new English text):"
                      % (rel(root, tr_path), old.line, i, "its substitution still matches" if len(old.subs) == 1
                         else "it has no substitutions" if not old.subs else "its %d substitutions still match" % len(old.subs)))
                diff = difflib.unified_diff(history[old.hash].split("\n"), c.source.split("\n"), "before", "now", lineterm="", n=1)
                print("\n".join(list(diff)[2:]))
            if changed:
                with open(tr_path, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))
    if status == 0:
        print("translations: rehash done; Markdown changes still need `status` and a translator; then `build`")
    return status


def cmd_stub(root, wanted):
    for name in select(root, wanted):
        en_path, _, _ = paths(root, LANGS[0], name)
        nb = nbformat.read(en_path, as_version=4)
        print("<!-- Translation of notebooks/%s.ipynb: one section per English cell, in order. See scripts/translations.py. -->" % name)
        for c in nb.cells:
            kind = "md" if c.cell_type == "markdown" else "code"
            print("\n%%%%%s %s" % (kind, cell_hash(c.source)))
            if kind == "md":
                print(c.source)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["build", "check", "status", "stub", "rehash"])
    ap.add_argument("notebooks", nargs="*", help="notebook numbers or names (default: all)")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="the course's directory (default: this script's repository)")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    if a.command == "build":
        return cmd_build(root, a.notebooks)
    if a.command == "check":
        return cmd_check(root)
    if a.command == "status":
        return cmd_status(root, a.notebooks)
    if a.command == "rehash":
        return cmd_rehash(root, a.notebooks)
    return cmd_stub(root, a.notebooks)


if __name__ == "__main__":
    sys.exit(main())
