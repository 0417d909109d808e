# The course's two commands:
#   make notebook   set up (first time only) and open the course in Jupyter
#   make test       set up (first time only) and run every check
# `make notebook LANG=id` opens the Indonesian edition (notebooks/id/); so
# does an Indonesian locale (LANG=id_ID.UTF-8). Anything else: English.
# Everything else here is a helper for them or for course staff.

SHELL := /bin/bash
PORT ?= 8888
GO ?= go
PY := /usr/bin/python3
# The edition `make notebook` opens: id (Bahasa Indonesia) or en. LANG is
# also the locale's variable, so only an Indonesian value chooses id.
COURSE_LANG := $(if $(filter id id_% id.%,$(LANG)),id,en)
# LANG=id on the command line would reach Jupyter as its locale: give it a
# valid one instead.
NOTEBOOK_ENV := $(if $(filter command line,$(origin LANG)),env LANG=C.UTF-8,)

# files PATTERN: the course's files that match PATTERN ('*.go'), one a line.
# In the instructors' git repository they are the tracked files; the
# learners' copy is a plain directory, so there they are found on disk,
# leaving out what setup and the book generate.
GIT_TREE := $(shell [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ] && echo yes)
files = $(if $(GIT_TREE),git ls-files '$(1)',find . \( -name .git -o -name node_modules -o -name .cache -o -name build \) -prune -o -type f -path './$(1)' -print | sed 's|^\./||' | sort)

.PHONY: setup setup-test notebook test check-format vet gotest exercises notebooks book slides golden bench strip \
	translations translations-check translations-status \
	grade class gradescope release bench-compare clean

## setup: install Jupyter, Node, the GoNB kernel, Go tools and ECharts (idempotent)
setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

## notebook: start Jupyter Notebook on the course (PORT=8888 by default; LANG=id: in Bahasa Indonesia)
notebook: setup
	@$(NOTEBOOK_ENV) bash scripts/notebook.sh $(PORT) $(COURSE_LANG)

## test: format, vet, translations in step, every notebook of both editions executed headless (the HTML book and the slides), then unit and browser tests
test: setup-test check-format vet translations-check book slides gotest

# gofmt with no file names would read standard input: an empty list is an error.
check-format:
	@gofiles=$$($(call files,*.go)); \
	if [ -z "$$gofiles" ]; then echo "check-format: no Go files found"; exit 1; fi; \
	bad=$$(gofmt -l $$gofiles </dev/null) || exit 1; \
	if [ -n "$$bad" ]; then echo "gofmt would change:"; echo "$$bad"; exit 1; fi

vet:
	$(GO) vet ./...

# The exercises' public tests fail until a learner solves them, so they run
# on their own: `make exercises`.
# The library is also tested in its portable form (no assembly), on the
# AVX2 kernels alone (as on a CPU without AVX-512), and with the optional
# OpenBLAS build.
gotest:
	BACKPROP_E2E=1 $(GO) test -timeout 30m $$($(GO) list ./... | grep -v '/exercises$$')
	$(GO) test -tags purego ./pkg/backprop/...
	GODEBUG=cpu.avx512f=off $(GO) test ./pkg/backprop/...
	$(GO) test -tags openblas ./pkg/backprop/...

## exercises: run the public checks of the exercises you implemented; ends with "k of N exercises done"
# An exercise that does not compile is checked as failing, the others as
# usual (internal/cmd/check-exercises). go run's own "exit status 1" line is
# left out so that the count stays the last line of the output.
exercises:
	@set -o pipefail; $(GO) run ./internal/cmd/check-exercises 2>&1 | grep -v '^exit status [0-9]*$$'

## notebooks: execute every notebook headless (executed copies in build/notebooks/)
notebooks:
	@bash scripts/run-notebooks.sh

## book: execute every notebook of both editions and write the HTML book to build/book/ (index.html; Indonesian: build/book/id/)
book:
	@bash scripts/build-book.sh

## translations: rebuild the Indonesian notebooks notebooks/id/*.ipynb from the English ones and notebooks/id/translations/
translations:
	@$(PY) scripts/translations.py build

## translations-check: fail if an English cell changed since it was translated, or notebooks/id/ is not rebuilt
translations-check:
	@$(PY) scripts/translations.py check

## translations-status: each English cell changed since its translation, with the English diff
translations-status:
	@$(PY) scripts/translations.py status

## slides: one reveal.js deck per notebook of both editions in build/slides/ (index.html; Indonesian: build/slides/id/), from the executed notebooks
# (executes only those whose executed copy is missing or out of date); works offline
slides: setup
	@bash scripts/build-slides.sh

## golden: regenerate the PyTorch golden files (needs Debian's python3-torch)
golden:
	@scripts=$$($(call files,*/testdata/golden_*.py)); \
	if [ -z "$$scripts" ]; then echo "golden: no testdata/golden_*.py scripts found"; exit 1; fi; \
	for s in $$scripts; do echo "$$s"; $(PY) "$$s" || exit 1; done

## bench: the library's benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./pkg/...

## bench-compare: the same workloads in Go, numpy and PyTorch, side by side (installs python3-torch)
bench-compare:
	bash bench/compare.sh

## strip: remove outputs from notebooks before committing them
strip:
	@$(PY) scripts/strip-notebooks.py notebooks/*.ipynb notebooks/id/*.ipynb

# The grading targets need the grader, which only the instructors' copy holds
# (make release leaves it out of the learners' copy).
STAFF_ONLY = @test -d cmd/grader || { echo "make $@: for course staff only; this copy of the course has no grader"; exit 2; }

## grade: grade one submission: make grade SUB=path (a directory, .zip, .tar.gz or .ipynb)
grade:
	$(STAFF_ONLY)
	@test -n "$(SUB)" || { echo "usage: make grade SUB=path/to/submission"; exit 2; }
	$(GO) run ./cmd/grader grade $(SUB)

## class: grade a folder of submissions: make class DIR=submissions/ (writes build/grades/)
class:
	$(STAFF_ONLY)
	@test -n "$(DIR)" || { echo "usage: make class DIR=path/to/submissions"; exit 2; }
	$(GO) run ./cmd/grader class -o build/grades $(DIR)

## gradescope: build the Gradescope autograder zip in build/autograder.zip
gradescope:
	$(STAFF_ONLY)
	@mkdir -p build
	$(GO) run ./cmd/grader gradescope -o build/autograder.zip

## release: write the learner's copy of the course (no solutions, no hidden tests) to build/course
release:
	$(STAFF_ONLY)
	rm -rf build/course
	$(GO) run ./cmd/grader release -o build/course

clean:
	rm -rf build
