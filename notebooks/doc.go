// Package notebooks holds the course's Jupyter notebooks (*.ipynb, run with
// the GoNB Go kernel) and the tests that keep them in shape: stored without
// outputs, on the gonb kernel, importing this repository's packages.
//
// The notebooks themselves are executed headless by `make test`
// (scripts/run-notebooks.sh); any cell error fails the build.
package notebooks
