#!/usr/bin/env bash
# build-slides.sh: write one reveal.js deck per notebook to build/slides/
# (the Indonesian edition's to build/slides/id/), for teaching the course
# live. The decks show the notebooks as executed:
# their outputs and interactive charts, formulas typeset offline.
#
#   scripts/build-slides.sh                 build from the executed copies in
#                                           build/notebooks/ and
#                                           build/notebooks/id/ (`make book` or
#                                           scripts/run-notebooks.sh wrote
#                                           them), executing first only the
#                                           notebooks whose copy is missing or
#                                           whose cells changed since
#   scripts/build-slides.sh --no-execute    never execute: a notebook without
#                                           a current executed copy gets no deck
#
# The slide structure is the cells' "slideshow" metadata in notebooks/ (set by
# scripts/slide-layout.py), read from the notebooks themselves, so a change of
# the structure alone needs no new execution. The Indonesian notebooks carry
# the same metadata, copied from the English cells by scripts/translations.py.
#
# build/slides/ then holds
#   index.html      the decks in order (both editions), and the keys to know
#   NN-name.html    one deck per notebook
#   id/             the Indonesian decks (id/NN-name.html) and their index,
#                   sharing reveal.js/ and assets/
#   reveal.js/      reveal.js 4 (npm, node_modules/reveal.js) with its notes plugin
#   assets/         MathJax 2 and RequireJS (Debian packages), as in the book
# and nothing in it needs the network: copy the folder to the classroom's
# machine as it is. In a deck: arrows or space move on, S opens the speaker
# view (notes, timer, next slide), B blacks the screen, Esc shows the
# overview; open NN-name.html?print-pdf and print to get a PDF.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=web-assets.sh
. scripts/web-assets.sh
web_build_start build-slides "$@"
slides="$repo/build/slides"
reveal="$repo/node_modules/reveal.js"
[ -f "$reveal/dist/reveal.js" ] || { echo "build-slides: $reveal is missing; run 'make setup' (npm ci)" >&2; exit 1; }

# stale: the notebooks whose executed copy is missing or has other cells.
stale=()
while IFS= read -r nb; do
	[ -n "$nb" ] && stale+=("$nb")
done < <("$py" "$repo/scripts/slide-layout.py" --stale "$executed" "${notebooks[@]}"
	[ ${#notebooks_id[@]} -eq 0 ] || "$py" "$repo/scripts/slide-layout.py" --stale "$executed/id" "${notebooks_id[@]}")

status=0
if [ ${#stale[@]} -gt 0 ]; then
	if [ $execute = 1 ]; then
		echo "build-slides: executing ${stale[*]} (no current executed copy)"
		for nb in "${stale[@]}"; do rm -f "$executed/${nb#notebooks/}"; done
		NOTEBOOK_OUT="$executed" bash scripts/run-notebooks.sh "${stale[@]}" || status=1
	else
		echo "build-slides: no current executed copy of ${stale[*]}: no deck for them" >&2
		status=1
	fi
fi

rm -rf "$slides"
copy_web_assets "$slides/assets" build-slides
mkdir -p "$slides/reveal.js/dist/theme/fonts" "$slides/reveal.js/plugin/notes"
cp "$reveal/LICENSE" "$slides/reveal.js/"
cp "$reveal/dist/reveal.js" "$reveal/dist/reveal.css" "$slides/reveal.js/dist/"
cp "$reveal/dist/theme/white.css" "$slides/reveal.js/dist/theme/"
cp -R "$reveal/dist/theme/fonts/source-sans-pro" "$slides/reveal.js/dist/theme/fonts/"
cp "$reveal/plugin/notes/notes.js" "$slides/reveal.js/plugin/notes/"

MATHJAX_URL="$WEB_MATHJAX_URL" "$py" - "$slides" "$executed" "$repo/scripts/templates" "${notebooks[@]}" <<-'EOF' || status=1
	"""Convert the executed notebooks of both editions to decks, with the
	source's slide metadata, and write the indexes."""
	import html
	import importlib.util
	import os
	import sys

	import nbformat
	from nbconvert import SlidesExporter
	from traitlets.config import Config

	sys.path.insert(0, "scripts")
	from bookpages import course_title, id_sources, with_lang

	slides, executed, templates, sources = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
	spec = importlib.util.spec_from_file_location("layout", os.path.join(os.path.dirname(templates), "slide-layout.py"))
	layout = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(layout)

	def exporter(up):
	    """A deck exporter for pages that reach the shared assets through up."""
	    c = Config()
	    c.SlidesExporter.extra_template_basedirs = [templates]
	    c.SlidesExporter.template_name = "course-slides"
	    c.SlidesExporter.reveal_url_prefix = up + "reveal.js"
	    c.SlidesExporter.reveal_theme = "white"
	    c.SlidesExporter.mathjax_url = up + os.environ["MATHJAX_URL"]
	    c.SlidesExporter.require_js_url = up + "assets/require.min.js"
	    return SlidesExporter(config=c)

	EDITIONS = [
	    ("en", dict(sources=sources, executed=executed, out=slides, up="", missing="%s")),
	    ("id", dict(sources=id_sources(),
	                executed=os.path.join(executed, "id"), out=os.path.join(slides, "id"), up="../", missing="id/%s")),
	]

	def write_decks(lang, e):
	    """Write one edition's decks; return [(name, title)] and the names with no deck."""
	    os.makedirs(e["out"], exist_ok=True)
	    ex = exporter(e["up"])
	    decks, missing = [], []
	    for src in e["sources"]:
	        name = os.path.basename(src)[: -len(".ipynb")]
	        source = nbformat.read(src, as_version=4)
	        title = layout.title(source) or name
	        done = os.path.join(e["executed"], name + ".ipynb")
	        if not os.path.exists(done) or layout.stale(source, nbformat.read(done, as_version=4)):
	            missing.append(e["missing"] % name)
	            continue
	        nb = nbformat.read(done, as_version=4)
	        for cell, own in zip(nb.cells, source.cells):
	            cell.metadata = own.metadata  # the structure as it is now, not as executed
	        nb.metadata["title"] = title
	        body, _ = ex.from_notebook_node(nb, resources={"metadata": {"name": name}})
	        # The language of the page: course.css labels the live demos in it.
	        body = with_lang(body, lang)
	        with open(os.path.join(e["out"], name + ".html"), "w", encoding="utf-8") as f:
	            f.write(body)
	        decks.append((name, title))
	    return decks, missing

	decks, missing = {}, []
	for lang, e in EDITIONS:
	    decks[lang], m = write_decks(lang, e)
	    missing += m

	def items(ds, prefix, printing):
	    return "\n".join('<li><a href="%s%s.html">%s</a> <small>(<a href="%s%s.html?print-pdf">%s</a>)</small></li>'
	                     % (prefix, n, html.escape(t), prefix, n, printing) for n, t in ds)

	INDEX = """<!DOCTYPE html>
	<html lang="%(lang)s">
	<head>
	<meta charset="utf-8">
	<title>%(slides)s: %(course)s</title>
	<style>
	body { font: 18px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: #222;
	       max-width: 46em; margin: 2em auto; padding: 0 1em; }
	li { margin: 0.5em 0; }
	kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 0.3em; font-size: 0.9em; }
	</style>
	</head>
	<body>
	%(body)s
	</body>
	</html>
	"""

	course = course_title("README.md", "the course")
	body = """<h1>Slides: %(course)s</h1>
	<p>One deck per notebook, with the outputs and charts of the executed notebooks. The instructor's
	guide (<code>docs/instructor-guide.md</code>) says what to show live and when.</p>
	<ol start="0">
	%(items)s
	</ol>
	""" % {"course": html.escape(course), "items": items(decks["en"], "", "for printing")}
	if decks["id"]:
	    body += """<h2 lang="id">Dalam Bahasa Indonesia</h2>
	<p lang="id">Deck yang sama dari notebook edisi Bahasa Indonesia (<a href="id/index.html">daftarnya</a>).</p>
	<ol start="0" lang="id">
	%s
	</ol>
	""" % items(decks["id"], "id/", "untuk dicetak")
	body += """<h2>Keys</h2>
	<p><kbd>&rarr;</kbd> or <kbd>space</kbd> next, <kbd>&larr;</kbd> back;
	<kbd>S</kbd> speaker view (notes, timer, next slide); <kbd>B</kbd> black screen for a question;
	<kbd>Esc</kbd> overview; <kbd>F</kbd> full screen; <kbd>?</kbd> all keys. A slide taller than the
	screen scrolls with the mouse wheel. To print or save a PDF, open a deck's "for printing" link and
	print it (Chrome or Chromium: margins none, background graphics on).</p>"""
	with open(os.path.join(slides, "index.html"), "w", encoding="utf-8") as f:
	    f.write(INDEX % {"lang": "en", "slides": "Slides", "course": html.escape(course), "body": body})

	if decks["id"]:
	    course_id = course_title("README.id.md", "the course")
	    body = """<h1>Slide: %(course)s</h1>
	<p>Satu deck per notebook, dengan output dan grafik dari notebook yang sudah dijalankan. Panduan
	instruktur (<code>docs/instructor-guide.id.md</code>) menjelaskan apa yang ditunjukkan secara langsung
	dan kapan. <a href="../index.html" hreflang="en">English</a>.</p>
	<ol start="0">
	%(items)s
	</ol>
	<h2>Tombol</h2>
	<p><kbd>&rarr;</kbd> atau <kbd>spasi</kbd> maju, <kbd>&larr;</kbd> mundur;
	<kbd>S</kbd> tampilan pembicara (catatan, timer, slide berikutnya); <kbd>B</kbd> layar hitam untuk tanya
	jawab; <kbd>Esc</kbd> ikhtisar; <kbd>F</kbd> layar penuh; <kbd>?</kbd> semua tombol. Slide yang lebih
	tinggi daripada layar bisa digulir dengan roda mouse. Untuk mencetak atau menyimpan PDF, buka tautan
	"untuk dicetak" sebuah deck lalu cetak (Chrome atau Chromium: margin none, background graphics
	dinyalakan).</p>""" % {"course": html.escape(course_id), "items": items(decks["id"], "", "untuk dicetak")}
	    with open(os.path.join(slides, "id", "index.html"), "w", encoding="utf-8") as f:
	        f.write(INDEX % {"lang": "id", "slides": "Slide", "course": html.escape(course_id), "body": body})

	n = len(decks["en"]) + len(decks["id"])
	print("slides: %d deck%s in %s/index.html (%d in Bahasa Indonesia)" % (n, "" if n == 1 else "s", slides, len(decks["id"])))
	if missing:
	    print("slides: no deck (no current executed copy): " + ", ".join(missing), file=sys.stderr)
	    sys.exit(1)
EOF
exit $status
