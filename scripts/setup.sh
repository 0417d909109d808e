#!/usr/bin/env bash
# setup.sh: install what the course needs, once. Safe to run again: when
# everything is present it checks and returns in a few seconds, printing
# one line.
#
#   scripts/setup.sh          what the notebooks need (Jupyter, Node, GoNB)
#   scripts/setup.sh --test   also what the tests need (Chromium)
#
# What it does, in order:
#   1. system packages: Jupyter Notebook, nbconvert, nbclient, ipykernel,
#      MathJax (for the offline HTML book) and Node.js/npm (with --test also
#      Chromium), from Debian/Ubuntu's apt;
#   2. the Go tools at pinned versions (tools/go.mod): gonb, goimports, gopls,
#      built into .cache/bin of this repository;
#   3. the Go modules of the course, downloaded so notebooks work offline;
#   4. the GoNB Jupyter kernel, registered for the current user with a PATH
#      that finds go, goimports and gopls;
#   5. the front-end assets (ECharts for the charts, reveal.js for the
#      slides) from package-lock.json into node_modules.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

bin="$repo/.cache/bin"
stamps="$repo/.cache/stamps"
mkdir -p "$bin" "$stamps"
did=()

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# A stamp records the hash of the inputs of a step; the step reruns only
# when they change (or its outputs are gone).
stamp_ok() { [ -f "$stamps/$1" ] && [ "$(cat "$stamps/$1")" = "$2" ]; }
stamp_set() { printf '%s' "$2" >"$stamps/$1"; }
sha() { if command -v sha256sum >/dev/null 2>&1; then sha256sum; else shasum -a 256; fi; }
hash_of() { cat "$@" 2>/dev/null | sha | cut -c1-16; }

# --- 0. Go ------------------------------------------------------------------
command -v go >/dev/null 2>&1 || die "Go is not on PATH. Install Go 1.26 or newer from the Go website (or your package manager), then rerun."
goroot=$(go env GOROOT)

# --- 1. system packages -----------------------------------------------------
# python3 here is Debian's: Jupyter and nbformat live there, not in a pyenv.
py=/usr/bin/python3
need_pkgs=()
have_cmd_or_pkg() { # $1 = command to look for, $2 = Debian package
	if command -v "$1" >/dev/null 2>&1; then return 0; fi
	need_pkgs+=("$2")
}
if [ -x /usr/bin/apt-get ]; then
	for p in jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel python3-nbformat libjs-mathjax; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need_pkgs+=("$p")
	done
	have_cmd_or_pkg node nodejs
	have_cmd_or_pkg npm npm
	if [ $want_test = 1 ]; then
		have_cmd_or_pkg chromium chromium
		# the grader's sandbox (bwrap), whose attack corpus runs in make test
		have_cmd_or_pkg bwrap bubblewrap
		# the optional OpenBLAS build of the library is tested too
		dpkg-query -W -f='${Status}' libopenblas-dev 2>/dev/null | grep -q "ok installed" || need_pkgs+=(libopenblas-dev)
	fi
	if [ ${#need_pkgs[@]} -gt 0 ]; then
		sudo=""
		if [ "$(id -u)" != 0 ]; then
			command -v sudo >/dev/null 2>&1 || die "need root to install: ${need_pkgs[*]}. Run: sudo apt-get install -y ${need_pkgs[*]}"
			sudo="sudo"
		fi
		say "installing ${need_pkgs[*]} (apt-get; a few minutes the first time)"
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
		did+=("system packages")
	fi
else
	# Not Debian/Ubuntu: we cannot provision; say exactly what is missing.
	missing=()
	command -v jupyter >/dev/null 2>&1 || missing+=("Jupyter Notebook 6 or 7 with nbconvert, nbclient, ipykernel (e.g. 'python3 -m pip install notebook nbconvert nbclient ipykernel')")
	command -v node >/dev/null 2>&1 || missing+=("Node.js 18+ with npm (e.g. 'brew install node')")
	if [ $want_test = 1 ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
		missing+=("Chromium, for the browser tests (e.g. 'brew install --cask chromium'; set BACKPROP_CHROMIUM to its binary)")
	fi
	if [ ${#missing[@]} -gt 0 ]; then
		printf 'setup: this system has no apt-get, so install these by hand, then rerun:\n' >&2
		printf '  - %s\n' "${missing[@]}" >&2
		exit 1
	fi
	py=$(command -v python3)
fi

# --- 2. Go tools at pinned versions -----------------------------------------
tools_hash=$(hash_of tools/go.mod tools/go.sum; go version)
if ! stamp_ok tools "$tools_hash" || [ ! -x "$bin/gonb" ] || [ ! -x "$bin/gopls" ] || [ ! -x "$bin/goimports" ]; then
	say "building gonb, goimports, gopls (tools/go.mod; about a minute the first time)"
	(cd tools && GOBIN="$bin" go install tool)
	stamp_set tools "$tools_hash"
	did+=("Go tools")
fi

# --- 3. Go modules of the course (for offline notebooks) --------------------
mods_hash=$(hash_of go.mod go.sum)
if ! stamp_ok modules "$mods_hash"; then
	say "downloading the course's Go modules"
	go mod download
	stamp_set modules "$mods_hash"
	did+=("Go modules")
fi

# --- 4. the GoNB kernel -----------------------------------------------------
kernel_dir=$("$py" -c 'import jupyter_core.paths as p; print(p.jupyter_data_dir())')/kernels/gonb
kernel_path="$bin:$goroot/bin:/usr/local/bin:/usr/bin:/bin"
kernel_hash=$(printf '%s|%s|%s' "$bin/gonb" "$kernel_path" "$tools_hash" | sha | cut -c1-16)
# Another clone may have registered its own gonb since: check the spec too,
# by the PATH written below, which names this clone's .cache/bin (gonb
# points argv at a copy of itself in $kernel_dir when it runs from /tmp).
if ! stamp_ok kernel "$kernel_hash" || ! grep -qF "\"PATH\": \"$kernel_path\"" "$kernel_dir/kernel.json" 2>/dev/null; then
	say "registering the GoNB kernel in $kernel_dir"
	PATH="$bin:$goroot/bin:$PATH" "$bin/gonb" --install --raw_error >/dev/null 2>&1 || die "gonb --install failed; run '$bin/gonb --install' to see why"
	# gonb writes an empty env; give the kernel a PATH that finds go,
	# goimports and gopls whatever PATH Jupyter was started with.
	"$py" - "$kernel_dir/kernel.json" "$kernel_path" <<-'EOF'
		import json, sys
		path, kpath = sys.argv[1], sys.argv[2]
		spec = json.load(open(path))
		spec.setdefault("env", {})["PATH"] = kpath
		json.dump(spec, open(path, "w"), indent=1)
	EOF
	stamp_set kernel "$kernel_hash"
	did+=("GoNB kernel")
fi

# --- 5. front-end assets ----------------------------------------------------
assets_hash=$(hash_of package.json package-lock.json)
if ! stamp_ok assets "$assets_hash" || [ ! -f node_modules/echarts/dist/echarts.min.js ] ||
	[ ! -f node_modules/reveal.js/dist/reveal.js ]; then
	say "installing ECharts and reveal.js from package-lock.json (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
	stamp_set assets "$assets_hash"
	did+=("ECharts and reveal.js")
fi

if [ ${#did[@]} -eq 0 ]; then
	say "everything is in place"
else
	say "done: $(IFS=,; echo "${did[*]}")"
fi
