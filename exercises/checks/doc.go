// Package checks runs the public checks of the exercises: small worked
// examples, with answers you can verify by hand, against a function you
// wrote.
//
// There is one function per exercise, taking your function as a value and
// returning a Report:
//
//	rep := checks.RMSE(exercises.RMSE)   // or a function from a notebook cell
//	rep.Show()                           // a table in a notebook, text elsewhere
//	rep.Test(t)                          // or: one test error per failed check
//
// Taking the function as a value lets the same checks run against package
// exercises (your homework), package solutions (in the course's own tests)
// and a function defined in a notebook cell. Because each of these
// functions has the exercise's exact type, a function with the wrong
// signature does not compile, and the error says which type is wanted.
//
// A check fails when a result differs from the expected value by more than
// the tolerance (see RelTol), when your function panics (the stubs panic
// with "not implemented"), or when it modifies one of its arguments.
// When a failed check's results are those of a common mistake (the 1/N
// forgotten, the sign flipped, see Mistake), the report names it.
//
// The catalog (Exercises, Lookup) describes every exercise: its signature,
// a hint, and its public cases. The grader grades with these same cases,
// visible to you, plus hidden ones of the same kinds: random inputs, edge
// cases and properties.
//
// # Concept checks
//
// Each notebook asks a few questions (a prediction, a choice, a number).
// Answer one in a cell and see at once whether it is right, and why:
//
//	%%
//	checks.Ask("03.q1")                // prints the question and its options
//	checks.Answer("03.q1", -4).Show()  // right or not, then the explanation
//
// A choice is answered with its letter ("b"), a number with a number,
// written as a literal: the grader reads the Answer calls of the notebooks
// you submit (a notebook, or those of your course folder) as text, and
// scores the last answer to each question. If you answer a question in
// several notebooks, the notebook of the question's number counts ("03-..."
// for 03.q1), and of the two editions the one you changed last.
//
// # For course staff: adding an exercise or a question
//
// An exercise is the entry in the catalog (catalog.go: name, topic,
// notebook, signature, hints in both languages, public cases, common
// mistakes) plus its private half in grader/registry.go (the model answer
// and the hidden tests); its stub goes in exercises/ and its model answer in
// solutions/. Then go generate ./... writes typed.go,
// exercises/exercises_test.go and solutions/signatures_test.go. Tests fail,
// naming the exercise, while a half is missing, a generated file is stale,
// or a public case can be passed by work that does nothing.
//
// A question is an entry in questions.go (ID "NN.qK" for notebook NN,
// prompt, options if it is a choice, Decimals if it is a number, an
// explanation, each in both languages, and a random Salt) plus its key in
// the grader (grader/questions.go). Leave Hash empty and run
// go test ./grader -run TestAnswerKeys: it fails and prints the Hash to
// write. The explanation is shown after any attempt, and the learners'
// copy holds it in plain text: let it teach the reasoning without stating
// a number's answer (the test checks this for numbers).
package checks

//go:generate go test -run TestGenerated -update .
