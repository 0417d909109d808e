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
//   - public tests: the catalog's worked examples, which learners see and
//     can answer from a table, so they are practice: 0 points;
//   - random tests: inputs drawn from the report's seed, fresh for each
//     grading run unless Options.Seed fixes it (2 points each);
//   - edge cases: huge logits, probabilities of exactly 0 and 1, a batch of
//     one, non-square matrices, the first step of Adam (2 points each);
//   - properties: rows of a softmax sum to 1, the function leaves its
//     arguments unchanged (1 point each).
//
// Edge cases and properties pay only when every random test of the
// exercise passes: zeros, a constant or an argument returned can satisfy
// "perfect prediction" or "rows sum to 1" by accident, and work that does
// nothing must score 0 (degenerate_test.go checks it for every exercise).
//
// A failed test whose results are those of a common mistake the catalog
// knows (checks.Mistake: the 1/N forgotten, the sign flipped, the 2 of a
// square forgotten, ...) puts that mistake at the head of the exercise's
// hint, so that partial work says what it misunderstood; such work is
// usually right only where the mistake does not matter (N = 1), which the
// random tests never are, so it earns little.
//
// Expected values come from package solutions, computed in the grader's own
// process; results are compared with checks.Compare, within a relative
// tolerance of 1e-6 plus an absolute 1e-9. A test passes or fails whole.
// On hidden tests, learner feedback names what was wrong (type, length,
// values, a panic) but never a value: Options.Staff adds the details.
//
// # Concept checks
//
// The questions of the notebooks (checks.Questions) are scored from the
// notebooks of a submission: the literal arguments of their checks.Answer
// calls, read as text (answersIn; nothing runs), compared with the keys of
// questions.go, one point each, in Report.Questions. In one notebook the
// last answer to a question counts, as running its cells in order would.
// A submission without a notebook has every question unanswered.
// A directory or archive (a learner's course folder) is read for every
// .ipynb it holds, both editions, beside the Go files that are graded;
// when several notebooks answer a question, the one that counts is
// (pickAnswers):
//
//  1. a notebook of the question's number ("03-....ipynb" for 03.q1), if
//     any answers it, else any notebook;
//  2. among those, the last modified (the time the directory or archive
//     records), so the edition the learner worked in last wins;
//  3. at equal times, the last path in byte order (notebooks/id/... after
//     notebooks/...).
//
// The notebook that counted is named in the report. Only a literal string
// or number counts as an answer; a computed one (checks.Answer("03.q1", x))
// is not read. A notebook in a directory or archive is read up to
// maxNotebookSize (16 MiB) and only its cells' source is kept, so outputs
// do not count towards the submission's size; a larger one, or one that
// is not valid JSON, is skipped with a warning and costs only its answers.
//
// Scores of exercises and of concept checks are kept apart by default:
// Report.Score and Max are the exercises', QuestionScore and QuestionMax
// the concept checks'. Concept checks are for learning (see below), and
// staff weigh them as they wish: the gradebook has a column per question
// and their total, Gradescope an entry "Concept check 03.q1" per question
// (visible: the notebook already said right or not; its output never
// holds the key) whose points results.json's score leaves out, and the
// class report each question's success rate. Options.CountQuestions
// (grader -count-questions) adds them to Score and Max instead, hence to
// Gradescope's score and the gradebook's score column; every report says
// which.
//
// The learners' copy holds only a salted hash of each key, enough to check
// an answer on the spot; the keys stay here (LeakCheck refuses a release
// that holds them). A hash of a choice among four letters does not keep a
// determined learner from the key: concept checks are for learning, not
// for weight.
//
// # Security
//
// Learner code is assumed able to make any system call: Go is memory-safe
// only for race-free programs, and a data race needs no import. The
// boundary is the operating system (sandbox.go, sandbox_linux.go):
//
//   - vet.go: a first, friendly filter: imports outside AllowedImports and
//     compiler directives (//go:, //line) are refused with a message naming
//     the file and line; generic exercise functions are a wrong signature.
//   - build.go: the learner's files are compiled under fixed names (f001.go,
//     ...) in a throw-away module that cannot import the course, offline,
//     with CGO_ENABLED=0, inside the sandbox, under compile limits (30 s of
//     CPU and wall time, 4 GiB); the trusted build cache is read-only there.
//   - runner.go: each exercise runs in a fresh program inside the sandbox,
//     with only the program mounted, answering calls over two inherited
//     pipes (file descriptors 3 and 4, the binary protocol of package wire,
//     each reply carrying a per-run nonce); its output is captured, capped,
//     and never parsed for results.
//   - sandbox_linux.go: bubblewrap with new user, PID, network, IPC and UTS
//     namespaces, no_new_privs, a seccomp filter, prlimit's limits, a
//     read-only root with a sized private /tmp, and, when the grader is
//     root, an unprivileged uid of its own per grading; a kill or time-out
//     ends the whole namespace before grading goes on. Descriptors the
//     grader inherited are close-on-exec first. Where user namespaces are refused, a dedicated user
//     (IsolationUser) whose processes are all killed before results are
//     written. Without either, grading refuses (IsolationNone only on
//     request, and every report says so).
//   - report.go, class.go: control characters escaped in text and feedback,
//     spreadsheet formulas neutralised in the gradebook, the output
//     directory checked and written through os.Root, learner names
//     reduced to safe file names.
//
// attack_test.go holds the attack corpus that make test runs against all
// of it.
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
