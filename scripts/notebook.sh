#!/usr/bin/env bash
# notebook.sh [PORT] [LANG]: start Jupyter Notebook on the course's
# notebooks/, or with LANG id on the Indonesian edition in notebooks/id/.
# Jupyter prints the URL to open (with its login token). When no display is
# present (a server, a container) no browser is started.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port="${1:-8888}"
dir="$repo/notebooks"
case "${2:-en}" in
en) ;;
id) dir="$repo/notebooks/id" ;;
*) echo "notebook: no edition '$2': use en or id" >&2; exit 2 ;;
esac
args=(--notebook-dir="$dir" --port="$port" --ip=127.0.0.1 --port-retries=0)
# The course's notebook extension (scripts/jupyter/nbextensions/course) shows
# Go's tabs as plain indentation and loads ECharts into the page, from a copy
# of node_modules' file under .cache/jupyter; these paths add to the user's own.
# The kernels then leave the library out of the charts (pkg/viz).
echarts="$repo/node_modules/echarts/dist/echarts.min.js"
served="$repo/.cache/jupyter/nbextensions/course-echarts"
if [ -f "$echarts" ]; then
	mkdir -p "$served"
	cp -u "$echarts" "$served/echarts.min.js"
	export BACKPROP_VIZ_PAGE_LIBRARY=1
fi
export JUPYTER_PATH="$repo/scripts/jupyter:$repo/.cache/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export JUPYTER_CONFIG_PATH="$repo/scripts/jupyter${JUPYTER_CONFIG_PATH:+:$JUPYTER_CONFIG_PATH}"
if [ -z "${DISPLAY:-}" ] && [ "$(uname)" != Darwin ]; then args+=(--no-browser); fi
if [ "$(id -u)" = 0 ]; then args+=(--allow-root); fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
	echo "notebook: port $port is already in use; choose another: make notebook PORT=8890" >&2
	exit 1
fi
if [ "${2:-en}" = id ]; then
	echo "notebook: menjalankan Jupyter (edisi Bahasa Indonesia, notebooks/id/) di port $port; buka URL yang dicetaknya di bawah ini (Ctrl-C untuk berhenti)"
else
	echo "notebook: starting Jupyter on port $port; open the URL it prints below (Ctrl-C to stop)"
fi
exec jupyter notebook "${args[@]}"
