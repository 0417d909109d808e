// Package grader grades learners' exercises with hidden tests, safely.
//
// # What it grades
//
// A submission is a directory, a .zip or .tar.gz archive holding the
// learner's exercises package (or the whole course), or a GoNB notebook
// (.ipynb) whose cells define the exercise functions (see Load and
// FromNotebook). Grade returns a Report: per exercise a score, a status, the
// outcome of every test with a message that says what was expected and
// what came back, and a hint.
//
// # Tests
//
// Every exercise of the catalog (package exercises/checks) has
//
//   - public tests: the catalog's worked examples, which learners see (1 point each);
//   - random tests: inputs drawn from a seed that is fresh for each grading
//     run unless Options.Seed fixes it, and recorded in the report (2 points each);
//   - edge cases: huge logits, probabilities of exactly 0 and 1, a batch of
//     one, non-square matrices, the first step of Adam (2 points each);
//   - properties: rows of a softmax sum to 1, the function leaves its
//     arguments unchanged (1 point each).
//
// Expected values come from package solutions, computed in the grader's own
// process; results are compared with checks.Compare, within a relative
// tolerance of 1e-6 plus an absolute 1e-9. A test passes or fails whole;
// an exercise scores the points of the tests it passes.
//
// # Security
//
// Learner code never runs in the grader's process and never sees an
// expected value. Before anything is compiled, vet refuses imports outside
// AllowedImports (os, net, os/exec, syscall, unsafe, reflect, runtime,
// plugin, cgo, the course's packages, any module) and compiler directives,
// with a message naming the file and line. The code is then built, with
// GOPROXY=off and CGO_ENABLED=0, in a throw-away module that cannot import
// the course, together with a generated main and one adapter per exercise;
// an adapter that does not compile costs only its exercise.
//
// Each exercise runs in a fresh process started through /bin/sh's ulimit
// (address space, CPU time), with GOMAXPROCS=1, an empty environment, its
// own process group, and a wall-time budget per exercise (Limits). It
// answers calls over two inherited pipes, file descriptors 3 and 4, in the
// binary protocol of package wire, each reply carrying a per-run nonce:
// standard output and error are only captured (capped) for messages, so
// printing cannot forge a result. A hang, a crash, os.Exit-like ends, an
// out-of-memory or a stack overflow fail the running test with a message,
// and the exercise goes on in a new process; a package whose init fails or
// hangs fails every exercise once, quickly.
//
// # Reports and workflows
//
// Report writes a terminal table (WriteText), JSON (WriteJSON) and
// Gradescope's results.json (WriteGradescope). GradeClass grades a folder
// of submissions with bounded parallelism and writes a CSV gradebook and
// one feedback file per learner. WriteAutograder builds the zip Gradescope
// runs; Release writes the learner's copy of the course. The command
// cmd/grader exposes all of them.
package grader
