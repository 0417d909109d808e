package backprop_test

import (
	"fmt"
	"math"

	"github.com/deepdive-dl/backprop/pkg/backprop"
)

// printRates prints a schedule's first n rates.
func printRates(name string, s backprop.Schedule, n int) {
	fmt.Printf("%-12s", name)
	for step := 0; step < n; step++ {
		fmt.Printf(" %.4f", s(step))
	}
	fmt.Println()
}

// The first rates of each schedule.
func ExampleSchedule() {
	printRates("Constant", backprop.Constant(0.1), 6)
	printRates("StepDecay", backprop.StepDecay(0.1, 2, 0.5), 6)
	printRates("Exponential", backprop.Exponential(0.1, 0.5), 6)
	printRates("InverseTime", backprop.InverseTime(0.1, 1), 6)
	printRates("Cosine", backprop.CosineAnnealing(0.1, 0, 4, 1), 6)
	printRates("WarmUp", backprop.WarmUp(3, backprop.Constant(0.1)), 6)
	// Output:
	// Constant     0.1000 0.1000 0.1000 0.1000 0.1000 0.1000
	// StepDecay    0.1000 0.1000 0.0500 0.0500 0.0250 0.0250
	// Exponential  0.1000 0.0500 0.0250 0.0125 0.0063 0.0031
	// InverseTime  0.1000 0.0500 0.0333 0.0250 0.0200 0.0167
	// Cosine       0.1000 0.0854 0.0500 0.0146 0.1000 0.0854
	// WarmUp       0.0250 0.0500 0.0750 0.1000 0.1000 0.1000
}

// Warm restarts with periods that double: 2, 4, 8 steps.
func ExampleCosineAnnealing() {
	s := backprop.CosineAnnealing(1, 0, 2, 2)
	for step := 0; step < 14; step++ {
		fmt.Printf("%.2f ", s(step))
	}
	fmt.Println()
	// Output:
	// 1.00 0.50 1.00 0.85 0.50 0.15 1.00 0.96 0.85 0.69 0.50 0.31 0.15 0.04
}

// Past its period, CosineWave climbs back up where CosineAnnealing with
// mult = 0 holds its minimum.
func ExampleCosineWave() {
	wave := backprop.CosineWave(1, 0, 4)
	held := backprop.CosineAnnealing(1, 0, 4, 0)
	for step := 0; step <= 8; step++ {
		fmt.Printf("%d: %.2f %.2f\n", step, wave(step), held(step))
	}
	// Output:
	// 0: 1.00 1.00
	// 1: 0.85 0.85
	// 2: 0.50 0.50
	// 3: 0.15 0.15
	// 4: 0.00 0.00
	// 5: 0.15 0.00
	// 6: 0.50 0.00
	// 7: 0.85 0.00
	// 8: 1.00 0.00
}

// A triangular cycle of 3 steps up and 3 down, whose amplitude halves
// each cycle (triangular2).
func ExampleCyclical() {
	s := backprop.Cyclical(backprop.CyclicalConfig{
		BaseLR: 0.1, MaxLR: 0.4, StepSizeUp: 3, Mode: backprop.CyclicTriangular2,
	})
	for step := 0; step <= 12; step++ {
		fmt.Printf("%.3f ", s(step))
	}
	fmt.Println()
	// Output:
	// 0.100 0.200 0.300 0.400 0.300 0.200 0.100 0.150 0.200 0.250 0.200 0.150 0.100
}

// One cycle of 10 steps: up from MaxLR/25 for the first 30% of the steps,
// then down to MaxLR/25/1e4.
func ExampleOneCycle() {
	s := backprop.OneCycle(backprop.OneCycleConfig{MaxLR: 1, TotalSteps: 10})
	for step := 0; step < 10; step++ {
		fmt.Printf("%.4f ", s(step))
	}
	fmt.Println()
	// Output:
	// 0.0400 0.5200 1.0000 0.9505 0.8117 0.6113 0.3887 0.1883 0.0495 0.0000
}

// Feed the validation loss once per epoch; train the next epoch at the
// rate returned. With Patience 2 the rate is cut after the third epoch
// in a row without a gain.
func ExampleReduceLROnPlateau() {
	p := backprop.NewReduceLROnPlateau(0.1, backprop.PlateauConfig{Patience: 2, Factor: 0.5})
	for _, loss := range []float64{1.0, 0.8, 0.7, 0.71, 0.7, 0.72, 0.69, 0.7, 0.7, 0.7} {
		fmt.Printf("loss %.2f → lr %.3f\n", loss, p.Step(loss))
	}
	// Output:
	// loss 1.00 → lr 0.100
	// loss 0.80 → lr 0.100
	// loss 0.70 → lr 0.100
	// loss 0.71 → lr 0.100
	// loss 0.70 → lr 0.100
	// loss 0.72 → lr 0.050
	// loss 0.69 → lr 0.050
	// loss 0.70 → lr 0.050
	// loss 0.70 → lr 0.050
	// loss 0.70 → lr 0.025
}

// The range test on a one-weight model fitted to a moving target,
// loss (w − sin i)² at step i, by gradient descent from w = 5. Each step
// multiplies the error by 1 − 2η, so rates above 1 diverge and 0.5 is the
// fastest; the ramp runs from 1e-7 to 10 over 100 steps. The smoothed
// loss lags the raw one, so its minimum lies past the edge of stability:
// hence the division by ten.
func ExampleLRRangeTest() {
	w, i := 5.0, 0
	res := backprop.LRRangeTest(backprop.LRRangeConfig{}, func(lr float64) float64 {
		i++
		err := w - math.Sin(float64(i))
		w -= lr * 2 * err
		return err * err
	})
	fmt.Printf("%d steps, diverged: %v, stopped at rate %.2g\n", len(res.Rates), res.Diverged, res.Rates[len(res.Rates)-1])
	fmt.Printf("lowest smoothed loss at rate %.2g, suggested (a tenth) %.2g\n", res.MinLoss, res.Suggested)
	fmt.Printf("steepest fall at rate %.2g\n", res.Steepest)
	// Output:
	// 97 steps, diverged: true, stopped at rate 5.7
	// lowest smoothed loss at rate 3.9, suggested (a tenth) 0.39
	// steepest fall at rate 0.2
}
