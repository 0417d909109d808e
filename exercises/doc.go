// Package exercises is your homework: every function in it is a stub that
// panics with "not implemented" until you write its body.
//
// Each stub's comment gives the task, the formula, the shapes of its
// arguments and results, and a hint. The exercises follow the course:
//
//	losses.go      MSE, RMSE, binary and softmax cross-entropy, and their gradients
//	backward.go    the backward pass of a dense layer and of three activations
//	optimizers.go  one step of SGD, momentum, RMSprop and Adam
//	schedules.go   step decay and cosine learning-rate schedules
//	batching.go    splitting a shuffled data set into mini-batches
//	training.go    one full training step of a two-layer network
//
// Only plain Go types appear: a vector is a []float64, a matrix is a
// [][]float64 whose rows are examples (x[i][j] is feature j of example i), a
// weight matrix w of a dense layer is in×out so that y = x·w + b, and class
// labels are an []int. Never modify the arguments: return new slices.
//
// # Checking your work
//
// The public checks are small worked examples with known answers. Run them
// from the root of the course:
//
//	go test ./exercises                    # every exercise
//	go test ./exercises -run 'TestMSE$'    # one exercise
//	make exercises                         # every exercise; ends with "k of N exercises done"
//
// A failure says what was expected and what came back, from which inputs,
// and gives the exercise's hint (in Bahasa Indonesia with BACKPROP_LANG=id);
// when the answer looks like a common mistake (the 1/N forgotten, the sign
// flipped), it says so. make exercises checks every exercise even when one
// does not compile. In a notebook, define
// the function in a cell and check it there:
//
//	%%
//	checks.RMSE(RMSE).Show()
//
// which displays a table of the checks, passed or failed, with messages.
//
// # Grading
//
// Your grade comes from hidden tests: random inputs, edge cases (huge
// logits, probabilities of exactly 0 and 1, a batch of one example,
// non-square matrices) and properties (a softmax row sums to 1, your
// function leaves its arguments alone). The public checks are a small,
// visible part of them, so passing them is a start, not a guarantee. Values
// are compared with a relative tolerance of 1e-6 (see package checks).
//
// Your code runs in a sandbox: it may import only the computational part of
// the standard library (math, sort, slices, strings, fmt, math/rand, ...),
// not os, net, unsafe or the course's own packages; each exercise has a few
// seconds and a bounded amount of memory. A function that is missing, has
// the wrong signature, panics or hangs costs that exercise only.
package exercises
