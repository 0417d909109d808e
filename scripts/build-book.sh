#!/usr/bin/env bash
# build-book.sh: execute every notebook of both editions (English and
# Bahasa Indonesia), then write the course as an HTML book in build/book/
# that reads offline.
#
#   scripts/build-book.sh                 execute notebooks/*.ipynb and
#                                         notebooks/id/*.ipynb, then build
#   scripts/build-book.sh --no-execute    build from the executed copies
#                                         already in build/notebooks/ (and
#                                         build/notebooks/id/)
#
# build/book/ then holds
#   index.html      the course title and every chapter in order: its title
#                   (the notebook's first heading) and what it is about (its
#                   first paragraph), linked to
#   NN-name.html    one page per executed notebook (nbconvert's lab
#                   template), with links to the contents, to the chapters
#                   before and after it, and to the same chapter in the
#                   other edition
#   id/             the same for the Indonesian edition (its index.html and
#                   NN-name.html pages, titles from README.id.md)
#   instructor-guide.html
#                   docs/instructor-guide.md, the instructor's guide (when the
#                   copy of the course has it: the learners' copy does not);
#                   id/instructor-guide.html: docs/instructor-guide.id.md
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
# shellcheck source=web-assets.sh
. scripts/web-assets.sh
web_build_start build-book "$@"
book="$repo/build/book"

status=0
if [ $execute = 1 ]; then
	# A notebook that fails leaves no executed copy: remove the old ones so
	# that a failure cannot hide behind the last good run.
	for nb in "${notebooks[@]}"; do rm -f "$executed/$(basename "$nb")"; done
	for nb in "${notebooks_id[@]}"; do rm -f "$executed/id/$(basename "$nb")"; done
	NOTEBOOK_OUT="$executed" bash scripts/run-notebooks.sh "${notebooks[@]}" "${notebooks_id[@]}" || status=1
fi

rm -rf "$book"
copy_web_assets "$book/assets" build-book

"$py" - "$book" "$executed" "${notebooks[@]}" <<-'EOF' || status=1
	"""Convert the executed notebooks to HTML pages and write the indexes of
	both editions: English in BOOK, Indonesian in BOOK/id."""
	import html
	import os
	import re
	import sys

	import nbformat
	from nbconvert import HTMLExporter
	from nbconvert.filters import markdown2html
	from traitlets.config import Config

	sys.path.insert(0, "scripts")
	from bookpages import course_title, id_sources, with_lang

	book, executed, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
	MATHJAX = "assets/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"

	# Each edition: where its sources, executed copies and pages are, how its
	# pages reach the shared assets and the other edition, and its words.
	EDITIONS = {
	    "en": dict(
	        sources=sources, executed=executed, out=book, up="", other="id", to_other="id/",
	        readme="README.md", fallback="Deep Dive into Deep Learning: Backpropagation",
	        contents="Contents", other_name="Bahasa Indonesia",
	        not_built="(not built: the notebook failed to execute or was not run; see build/notebooks/%s.log)",
	        intro="""The course's notebooks, executed: every number was computed and every chart drawn by the
	course's Go code when this book was built. To run and change them, open the notebooks in Jupyter
	(<code>make notebook</code>).""",
	        switch='Also in <a href="id/index.html" hreflang="id">Bahasa Indonesia</a>.',
	        guide="docs/instructor-guide.md", guide_title="Instructor's guide",
	        for_instructors="""<h2>For instructors</h2>
	<ul class="chapters">
	<li><a href="instructor-guide.html">Instructor's guide</a><p>A plan for teaching the course live, the
	demos to run, and the answers to every <em>Try it</em>. The slides: <code>make slides</code>.</p></li>
	</ul>
	"""),
	    "id": dict(
	        sources=id_sources(),
	        executed=os.path.join(executed, "id"), out=os.path.join(book, "id"), up="../", other="en", to_other="../",
	        readme="README.id.md", fallback="Deep Dive into Deep Learning: Backpropagation",
	        contents="Daftar isi", other_name="English",
	        not_built="(tidak dibangun: notebook gagal dijalankan atau belum dijalankan; lihat build/notebooks/id/%s.log)",
	        intro="""Inilah notebook-notebook kursus ini setelah dijalankan: setiap angka dihitung dan setiap grafik
	digambar oleh kode Go kursus ini saat buku ini dibangun. Untuk menjalankan dan mengubahnya, buka notebook-nya
	di Jupyter (<code>make notebook LANG=id</code>).""",
	        switch='Juga tersedia dalam <a href="../index.html" hreflang="en">English</a>.',
	        guide="docs/instructor-guide.id.md", guide_title="Panduan instruktur",
	        for_instructors="""<h2>Untuk instruktur</h2>
	<ul class="chapters">
	<li><a href="instructor-guide.html">Panduan instruktur</a><p>Rencana untuk mengajarkan kursus ini secara
	langsung, demo yang dijalankan di kelas, dan jawaban untuk setiap <em>Coba sendiri</em>. Slide-nya:
	<code>make slides</code>.</p></li>
	</ul>
	"""),
	}

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

	def exporter(up):
	    c = Config()
	    c.HTMLExporter.template_name = "lab"
	    c.HTMLExporter.mathjax_url = up + MATHJAX
	    c.HTMLExporter.require_js_url = up + "assets/require.min.js"
	    return HTMLExporter(config=c)

	names = {lang: {os.path.basename(s)[: -len(".ipynb")] for s in e["sources"]} for lang, e in EDITIONS.items()}

	# A page of the book that is not a notebook: an index, the guide.
	PAGE = """<!DOCTYPE html>
	<html lang="%(lang)s">
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

	def write_guide(lang, e, course):
	    """The edition's instructor's guide (docs/instructor-guide.md, or
	    docs/instructor-guide.id.md) as a page of its book; whether there is one."""
	    src = e["guide"]
	    if not os.path.exists(src):
	        return False
	    with open(src, encoding="utf-8") as f:
	        # Without the translation's first line, a comment on its English source.
	        body = markdown2html(re.sub(r"\A<!--.*?-->\s*", "", f.read(), flags=re.S))
	    links = ['<a href="index.html">%s</a>' % e["contents"]]
	    if os.path.exists(EDITIONS[e["other"]]["guide"]):
	        links.append('<a href="%sinstructor-guide.html" hreflang="%s" class="bp-other-edition">%s</a>'
	                     % (e["to_other"], e["other"], e["other_name"]))
	    nav = '<nav style="display:flex;justify-content:space-between;gap:1em">%s</nav>\n' % "".join(
	        "<span>%s</span>" % l for l in links)
	    page = PAGE % {"lang": lang, "title": e["guide_title"] + ": " + html.escape(course),
	                   "mathjax": e["up"] + MATHJAX, "body": nav + body}
	    with open(os.path.join(e["out"], "instructor-guide.html"), "w", encoding="utf-8") as f:
	        f.write(page)
	    return True

	def write_edition(lang, e):
	    """Write one edition's pages and index; return the chapters not built."""
	    os.makedirs(e["out"], exist_ok=True)
	    ex = exporter(e["up"])
	    chapters = []  # (file name, title, summary HTML, built)
	    for src in e["sources"]:
	        name = os.path.basename(src)[: -len(".ipynb")]
	        title, summary = title_and_summary(nbformat.read(src, as_version=4), name)
	        built = os.path.exists(os.path.join(e["executed"], name + ".ipynb"))
	        chapters.append((name, title, inline(summary) if summary else "", built))

	    failed = []
	    for i, (name, title, _, built) in enumerate(chapters):
	        if not built:
	            failed.append(os.path.join(lang, name) if lang != "en" else name)
	            continue
	        nb = nbformat.read(os.path.join(e["executed"], name + ".ipynb"), as_version=4)
	        nb.metadata["title"] = title
	        body, _ = ex.from_notebook_node(nb, resources={"metadata": {"name": name}})
	        links = ['<a href="index.html">%s</a>' % e["contents"]]
	        if name in names[e["other"]]:
	            links.append('<a href="%s%s.html" hreflang="%s" class="bp-other-edition">%s</a>'
	                         % (e["to_other"], name, e["other"], e["other_name"]))
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
	        body = with_lang(body, lang)
	        with open(os.path.join(e["out"], name + ".html"), "w", encoding="utf-8") as f:
	            f.write(body)

	    course = course_title(e["readme"], e["fallback"])
	    items = []
	    for name, title, summary, built in chapters:
	        if built:
	            items.append('<li><a href="%s.html">%s</a><p>%s</p></li>' % (name, html.escape(title), summary))
	        else:
	            items.append('<li class="failed"><span>%s</span> <em>%s</em><p>%s</p></li>'
	                         % (html.escape(title), e["not_built"] % name, summary))
	    body = """<h1>%(course)s</h1>
	<p>%(intro)s</p>
	%(switch)s
	<ul class="chapters">
	%(items)s
	</ul>
	""" % {"course": html.escape(course), "intro": e["intro"],
	       "switch": '<p class="bp-other-edition">%s</p>' % e["switch"] if names[e["other"]] else "",
	       "items": "\n".join(items)}
	    if write_guide(lang, e, course):
	        body += e["for_instructors"]
	    index = PAGE % {"lang": lang, "title": html.escape(course), "mathjax": e["up"] + MATHJAX, "body": body}
	    with open(os.path.join(e["out"], "index.html"), "w", encoding="utf-8") as f:
	        f.write(index)
	    print("book: %s: %d chapter%s in %s/index.html" % (lang, len(chapters) - len(failed), "" if len(chapters) - len(failed) == 1 else "s", e["out"]))
	    return failed

	failed = []
	for lang, e in EDITIONS.items():
	    if e["sources"]:
	        failed += write_edition(lang, e)
	if failed:
	    print("book: not built (execution failed): " + ", ".join(failed), file=sys.stderr)
	    sys.exit(1)
EOF
exit $status
