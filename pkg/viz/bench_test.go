package viz

import (
	"math"
	"testing"
)

func benchChart() Chart {
	y1, y2 := make([]float64, 100), make([]float64, 100)
	for i := range y1 {
		y1[i] = math.Exp(-float64(i) / 20)
		y2[i] = 1.2 * y1[i]
	}
	return LossCurves(Options{Title: "loss", LogY: true}, Run{TrainLoss: y1, ValLoss: y2})
}

// BenchmarkOption measures turning a chart into its option literal.
func BenchmarkOption(b *testing.B) {
	c := benchChart()
	for b.Loop() {
		if _, _, err := optionJS(c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStaticSVG measures one static image from a warm node process.
func BenchmarkStaticSVG(b *testing.B) {
	option, _, err := optionJS(benchChart())
	if err != nil {
		b.Skip(err)
	}
	if _, err := static.render(option, DefaultWidth, DefaultHeight); err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if _, err := static.render(option, DefaultWidth, DefaultHeight); err != nil {
			b.Fatal(err)
		}
	}
}
