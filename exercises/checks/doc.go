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
package checks

//go:generate go test -run TestGenerated -update .
