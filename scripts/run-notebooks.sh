#!/usr/bin/env bash
# run-notebooks.sh: execute notebooks headless with the GoNB kernel, the way
# "Restart and run all" would, and fail on the first cell error.
#
#   scripts/run-notebooks.sh                      every notebooks/*.ipynb and
#                                                 notebooks/id/*.ipynb
#   scripts/run-notebooks.sh notebooks/02-*.ipynb  just those
#
# Executed copies (with outputs) go to build/notebooks/, those of the
# Indonesian edition (notebooks/id/) to build/notebooks/id/; the sources
# stay without outputs. A cell that fails to compile or panics
# stops the run; its error is printed as the kernel reported it.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
out="${NOTEBOOK_OUT:-$repo/build/notebooks}"
mkdir -p "$out"
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3)

if [ $# -eq 0 ]; then
	shopt -s nullglob
	set -- notebooks/*.ipynb notebooks/id/*.ipynb
	shopt -u nullglob
fi
for nb in "$@"; do [ -f "$nb" ] || { echo "run-notebooks: no such notebook: $nb" >&2; exit 2; }; done
status=0
summary=()
for nb in "$@"; do
	name=$(basename "$nb")
	dir="$out"
	# The editions share file names: the Indonesian ones get their own folder.
	if [ "$(basename "$(dirname "$nb")")" = id ]; then
		dir="$out/id"
		name="id/$name"
		mkdir -p "$dir"
	fi
	start=$(date +%s.%N)
	log="$out/${name%.ipynb}.log"
	if "$py" -m nbconvert --to notebook --execute \
		--ExecutePreprocessor.kernel_name=gonb \
		--ExecutePreprocessor.timeout=600 \
		--output-dir "$dir" --output "$(basename "$nb")" "$nb" >"$log" 2>&1; then
		secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
		summary+=("ok    ${secs}s  $name")
	else
		secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
		summary+=("FAIL  ${secs}s  $name")
		echo "---- $name failed; the kernel said:" >&2
		# nbconvert's CellExecutionError holds the cell source and the error.
		if grep -q CellExecutionError "$log"; then
			sed -n '/CellExecutionError/,$p' "$log" | grep -v '^\[NbConvertApp\]' | head -80 >&2
		else
			tail -20 "$log" >&2
		fi
		status=1
	fi
done
printf '%s\n' "notebooks:" "${summary[@]/#/  }"
exit $status
