package solutions

import "math"

// StepDecay returns the learning rate at a step (counted from 0) of a
// step-decay schedule: the rate starts at initial and is multiplied by factor
// every `every` steps:
//
//	lr(step) = initial · factor^⌊step / every⌋
//
// So steps 0 … every−1 use initial, steps every … 2·every−1 use
// initial·factor, and so on. It panics if every < 1 or step < 0.
func StepDecay(initial, factor float64, every, step int) float64 {
	if every < 1 || step < 0 {
		panic("solutions: StepDecay: need every ≥ 1 and step ≥ 0")
	}
	return initial * math.Pow(factor, float64(step/every))
}

// CosineDecay returns the learning rate at a step (counted from 0) of a
// cosine schedule that falls from lrMax at step 0 to lrMin at step total and
// stays at lrMin afterwards:
//
//	lr(step) = lrMin + (lrMax − lrMin) · (1 + cos(π · step / total)) / 2   for step ≤ total
//	lr(step) = lrMin                                                        for step > total
//
// It panics if total < 1 or step < 0.
func CosineDecay(lrMax, lrMin float64, total, step int) float64 {
	if total < 1 || step < 0 {
		panic("solutions: CosineDecay: need total ≥ 1 and step ≥ 0")
	}
	if step >= total {
		return lrMin
	}
	return lrMin + (lrMax-lrMin)*(1+math.Cos(math.Pi*float64(step)/float64(total)))/2
}
