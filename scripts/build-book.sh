#!/usr/bin/env bash
# build-book.sh: execute every notebook, then write the course as an HTML
# book in build/book/ that reads offline.
#
#   scripts/build-book.sh                 execute notebooks/*.ipynb, then build
#   scripts/build-book.sh --no-execute    build from the executed copies
#                                         already in build/notebooks/
#
# build/book/ then holds
#   index.html      the course title and every chapter in order: its title
#                   (the notebook's first heading) and what it is about (its
#                   first paragraph), linked to
#   NN-name.html    one page per executed notebook (nbconvert's lab
#                   template), with links to the contents and to the chapters
#                   before and after it
#   instructor-guide.html
#                   docs/instructor-guide.md, the instructor's guide (when the
#                   copy of the course has it: the learners' copy does not)
#   assets/         what those pages load: MathJax 2 (Debian's libjs-mathjax)
#                   and RequireJS (libjs-requirejs), which nbconvert would
#                   otherwise fetch from a CDN. The charts carry ECharts inline.
#
# Open build/book/index.html in a browser; no network is needed. A notebook
# that fails to execute is listed in the index as not built, and the script
# exits 1 after writing the rest of the book.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)

execute=1
case "${1:-}" in
--no-execute) execute=0 ;;
"") ;;
*) echo "usage: scripts/build-book.sh [--no-execute]" >&2; exit 2 ;;
esac

executed="${NOTEBOOK_OUT:-$repo/build/notebooks}"
book="$repo/build/book"
# shellcheck source=web-assets.sh
. scripts/web-assets.sh
need_web_assets build-book

shopt -s nullglob
notebooks=(notebooks/*.ipynb)
[ ${#notebooks[@]} -gt 0 ] || { echo "build-book: no notebooks in notebooks/" >&2; exit 1; }

status=0
if [ $execute = 1 ]; then
	# A notebook that fails leaves no executed copy: remove the old ones so
	# that a failure cannot hide behind the last good run.
	for nb in "${notebooks[@]}"; do rm -f "$executed/$(basename "$nb")"; done
	NOTEBOOK_OUT="$executed" bash scripts/run-notebooks.sh "${notebooks[@]}" || status=1
fi

rm -rf "$book"
copy_web_assets "$book/assets" build-book

"$py" - "$book" "$executed" "${notebooks[@]}" <<-'EOF' || status=1
	"""Convert the executed notebooks to HTML pages and write the index."""
	import html
	import os
	import re
	import sys

	import nbformat
	from nbconvert import HTMLExporter
	from nbconvert.filters import markdown2html
	from traitlets.config import Config

	book, executed, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
	MATHJAX = "assets/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
	# A page of the book that is not a notebook: the index, the guide.
	PAGE = """<!DOCTYPE html>
	<html lang="en">
	<head>
	<meta charset="utf-8">
	<meta name="viewport" content="width=device-width, initial-scale=1.0">
	<title>%(title)s</title>
	<script type="text/x-mathjax-config">
	MathJax.Hub.Config({tex2jax: {inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]], processEscapes: true}});
	</script>
	<script src="%(mathjax)s"></script>
	<style>
	body { font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: #222;
	       max-width: 50em; margin: 2em auto; padding: 0 1em; }
	h1 { font-weight: 600; }
	ul.chapters { list-style: none; padding-left: 0; }
	ul.chapters li { margin: 1.2em 0; }
	ul.chapters a { font-size: 1.15em; font-weight: 600; text-decoration: none; color: #0b5cad; }
	ul.chapters p { margin: 0.2em 0 0; color: #444; }
	li.failed span { font-weight: 600; color: #a00; }
	code { background: #f3f3f3; padding: 0 0.2em; border-radius: 3px; }
	table { border-collapse: collapse; margin: 1em 0; }
	th, td { border: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
	</style>
	</head>
	<body>
	%(body)s
	</body>
	</html>
	"""

	def course_title():
	    try:
	        for line in open("README.md", encoding="utf-8"):
	            if line.startswith("# "):
	                return line[2:].strip()
	    except OSError:
	        pass
	    return "Deep Dive into Deep Learning: Backpropagation"

	def title_and_summary(nb, fallback):
	    """The first Markdown heading, and the first paragraph after it."""
	    title, summary = fallback, ""
	    for cell in nb.cells:
	        if cell.cell_type != "markdown":
	            continue
	        for block in re.split(r"\n\s*\n", cell.source):
	            block = block.strip()
	            if not block:
	                continue
	            if block.startswith("#"):
	                if title == fallback:
	                    title = block.splitlines()[0].lstrip("#").strip()
	                continue
	            if title != fallback and not block.startswith(("-", "*", "1.", "|", "```", "$$")):
	                summary = block
	                break
	        if summary:
	            break
	    return title, summary

	def inline(markdown):
	    """Markdown of one paragraph as HTML, without the enclosing <p>."""
	    out = markdown2html(markdown).strip()
	    return re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.S)

	c = Config()
	c.HTMLExporter.template_name = "lab"
	c.HTMLExporter.mathjax_url = MATHJAX
	c.HTMLExporter.require_js_url = "assets/require.min.js"
	exporter = HTMLExporter(config=c)

	chapters = []  # (file name, title, summary HTML, built)
	for src in sources:
	    name = os.path.basename(src)[: -len(".ipynb")]
	    title, summary = title_and_summary(nbformat.read(src, as_version=4), name)
	    built = os.path.exists(os.path.join(executed, name + ".ipynb"))
	    chapters.append((name, title, inline(summary) if summary else "", built))

	failed = []
	for i, (name, title, _, built) in enumerate(chapters):
	    if not built:
	        failed.append(name)
	        continue
	    nb = nbformat.read(os.path.join(executed, name + ".ipynb"), as_version=4)
	    nb.metadata["title"] = title
	    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
	    links = ['<a href="index.html">Contents</a>']
	    if i > 0 and chapters[i - 1][3]:
	        links.insert(0, '<a href="%s.html" rel="prev">&larr; %s</a>' % (chapters[i - 1][0], html.escape(chapters[i - 1][1])))
	    if i + 1 < len(chapters) and chapters[i + 1][3]:
	        links.append('<a href="%s.html" rel="next">%s &rarr;</a>' % (chapters[i + 1][0], html.escape(chapters[i + 1][1])))
	    nav = ('<nav class="bp-book-nav" style="font:14px sans-serif;margin:12px auto;max-width:1100px;'
	           'display:flex;justify-content:space-between;gap:1em">%s</nav>' % "".join("<span>%s</span>" % l for l in links))
	    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + nav, body, count=1)
	    # The last </body>: the charts' scripts hold the string "</body>" too.
	    head, sep, tail = body.rpartition("</body>")
	    body = head + nav + "\n" + sep + tail
	    with open(os.path.join(book, name + ".html"), "w", encoding="utf-8") as f:
	        f.write(body)

	def write_guide(course):
	    """docs/instructor-guide.md as a page of the book; whether there is one."""
	    src = "docs/instructor-guide.md"
	    if not os.path.exists(src):
	        return False
	    with open(src, encoding="utf-8") as f:
	        body = markdown2html(f.read())
	    page = PAGE % {"title": "Instructor's guide: " + html.escape(course), "mathjax": MATHJAX,
	                   "body": '<nav><a href="index.html">Contents</a></nav>\n' + body}
	    with open(os.path.join(book, "instructor-guide.html"), "w", encoding="utf-8") as f:
	        f.write(page)
	    return True

	course = course_title()
	guide = write_guide(course)
	items = []
	for name, title, summary, built in chapters:
	    if built:
	        items.append('<li><a href="%s.html">%s</a><p>%s</p></li>' % (name, html.escape(title), summary))
	    else:
	        items.append('<li class="failed"><span>%s</span> <em>(not built: the notebook failed to execute or was not run; '
	                     'see build/notebooks/%s.log)</em><p>%s</p></li>' % (html.escape(title), name, summary))
	body = """<h1>%(course)s</h1>
	<p>The course's notebooks, executed: every number was computed and every chart drawn by the
	course's Go code when this book was built. To run and change them, open the notebooks in Jupyter
	(<code>make notebook</code>).</p>
	<ul class="chapters">
	%(items)s
	</ul>
	""" % {"course": html.escape(course), "items": "\n".join(items)}
	if guide:
	    body += """<h2>For instructors</h2>
	<ul class="chapters">
	<li><a href="instructor-guide.html">Instructor's guide</a><p>A plan for teaching the course live, the
	demos to run, and the answers to every <em>Try it</em>. The slides: <code>make slides</code>.</p></li>
	</ul>
	"""
	index = PAGE % {"title": html.escape(course), "mathjax": MATHJAX, "body": body}
	with open(os.path.join(book, "index.html"), "w", encoding="utf-8") as f:
	    f.write(index)
	built = len(chapters) - len(failed)
	print("book: %d chapter%s in %s/index.html" % (built, "" if built == 1 else "s", book))
	if failed:
	    print("book: not built (execution failed): " + ", ".join(failed), file=sys.stderr)
	    sys.exit(1)
EOF
exit $status
