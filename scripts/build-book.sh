#!/usr/bin/env bash
# build-book.sh: execute every notebook, then write the HTML book in build/book/.
# (Placeholder until the book builder lands: executes the notebooks only.)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec "$repo/scripts/run-notebooks.sh"
