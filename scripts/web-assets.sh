# web-assets.sh: sourced by build-book.sh and build-slides.sh. It reads
# their common arguments, and copies what their HTML pages load into a
# folder of theirs, so that the pages read offline and the folder can be
# moved or zipped as a whole.
#
#   web_build_start NAME ARGS  reads ARGS ("" or --no-execute) into execute
#                              (1 or 0), and sets py (the Python with
#                              nbconvert), executed (where the executed
#                              notebooks are: NOTEBOOK_OUT or
#                              build/notebooks), notebooks and notebooks_id
#                              (the sources of both editions); fails when a
#                              Debian package is missing or there are no
#                              notebooks. Run it in the repository's root.
#   copy_web_assets DIR NAME   MathJax 2 (Debian's libjs-mathjax: only the
#                              parts that the TeX-AMS_CHTML-full
#                              configuration loads, 1.5 MB of the
#                              package's 50) to DIR/mathjax/ and RequireJS
#                              (libjs-requirejs) to DIR/require.min.js;
#                              NAME prefixes the error messages.
#   need_web_assets NAME       fails, saying what to install, when the
#                              Debian packages are missing: call it before
#                              long work.
#
# The pages load MathJax as WEB_MATHJAX_URL says, relative to DIR's parent.
WEB_MATHJAX_URL="assets/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"

WEB_MATHJAX_DIR=/usr/share/javascript/mathjax
WEB_REQUIREJS=/usr/share/javascript/requirejs/require.min.js

web_build_start() {
	local name=$1
	shift
	py=/usr/bin/python3
	[ -x "$py" ] || py=$(command -v python3)
	execute=1
	case "${1:-}" in
	--no-execute) execute=0 ;;
	"") ;;
	*) echo "usage: scripts/$name.sh [--no-execute]" >&2; exit 2 ;;
	esac
	executed="${NOTEBOOK_OUT:-$PWD/build/notebooks}"
	need_web_assets "$name" || exit 1
	shopt -s nullglob
	notebooks=(notebooks/*.ipynb)
	[ ${#notebooks[@]} -gt 0 ] || { echo "$name: no notebooks in notebooks/" >&2; exit 1; }
	notebooks_id=(notebooks/id/*.ipynb)
}

need_web_assets() {
	local f
	for f in "$WEB_MATHJAX_DIR/MathJax.js" "$WEB_REQUIREJS"; do
		[ -f "$f" ] || { echo "$1: $f is missing; run 'make setup-test' (Debian packages libjs-mathjax, libjs-requirejs)" >&2; return 1; }
	done
}

copy_web_assets() {
	local dir=$1 mathjax=$WEB_MATHJAX_DIR
	need_web_assets "$2" || return 1
	mkdir -p "$dir/mathjax/config" "$dir/mathjax/jax/output" "$dir/mathjax/fonts/HTML-CSS/TeX"
	cp -L "$mathjax/MathJax.js" "$dir/mathjax/"
	cp -L "$mathjax/config/TeX-AMS_CHTML-full.js" "$mathjax/config/Safe.js" "$dir/mathjax/config/"
	cp -RL "$mathjax/extensions" "$dir/mathjax/"
	cp -RL "$mathjax/jax/input" "$mathjax/jax/element" "$dir/mathjax/jax/"
	cp -RL "$mathjax/jax/output/CommonHTML" "$mathjax/jax/output/PreviewHTML" "$dir/mathjax/jax/output/"
	cp -RL "$mathjax/fonts/HTML-CSS/TeX/woff" "$mathjax/fonts/HTML-CSS/TeX/otf" "$dir/mathjax/fonts/HTML-CSS/TeX/"
	cp -L "$WEB_REQUIREJS" "$dir/require.min.js"
}
