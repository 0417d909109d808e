package exercises

// StepDecay returns the learning rate at step (counted from 0) of a
// step-decay schedule: start at initial and multiply by factor every
// `every` steps:
//
//	lr(step) = initial · factor^⌊step / every⌋
//
// Example with initial 0.1, factor 0.5, every 10: steps 0…9 give 0.1,
// steps 10…19 give 0.05, step 20 gives 0.025.
func StepDecay(initial, factor float64, every, step int) float64 {
	panic("not implemented")
}

// CosineDecay returns the learning rate at step (counted from 0) of a
// cosine schedule falling from lrMax at step 0 to lrMin at step total, and
// staying at lrMin after that:
//
//	lr(step) = lrMin + (lrMax − lrMin) · (1 + cos(π · step / total)) / 2   if step ≤ total
//	lr(step) = lrMin                                                        if step > total
//
// Hint: step and total are ints; convert before dividing.
func CosineDecay(lrMax, lrMin float64, total, step int) float64 {
	panic("not implemented")
}
