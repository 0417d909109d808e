// Package solutions holds the model answers to the exercises of the course.
//
// Every function here has exactly the signature of its stub in package
// exercises (a test in this package proves it), and is written to be read:
// one loop per formula, the formula in the doc comment, no tricks beyond the
// numerical ones the exercise asks for (subtract the row maximum before exp,
// clamp a logarithm, guard a division by zero).
//
// The grader computes every expected value of its hidden tests with these
// functions, so they are the reference: change one and the grade of every
// learner follows. The public checks in package exercises/checks run against
// them in this package's tests.
//
// Conventions shared with the exercises:
//
//   - A matrix is a [][]float64 whose rows are examples: x[i][j] is feature j
//     of example i. A weight matrix w of a dense layer is in×out, so the
//     forward pass is y = x·w + b.
//   - Functions never modify their arguments; they return new slices.
//   - Losses are averaged over the batch (the N examples), and so are their
//     gradients.
//   - Programmer errors (slices of different lengths, ragged matrices) panic
//     with a message that starts with "solutions: " and names both shapes.
//
// The solutions are not released to learners: the release command leaves
// this directory out.
package solutions
