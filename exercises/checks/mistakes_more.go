package checks

import "math"

// Likely mistakes of the exercises on local gradients, the numeric
// gradient, Nesterov, warm-up and initialisation.

// forgotUpstream: a backward rule that returns its local gradients alone,
// without multiplying by the upstream gradient gradOut (the last argument).
var forgotUpstream = Mistake{
	Hint:   "likely mistake: you left out gradOut; the chain rule multiplies each local gradient by the upstream gradient",
	HintID: "kemungkinan kesalahan: gradOut tertinggal; aturan rantai mengalikan setiap gradient lokal dengan gradient dari hulu (gradOut)",
	Wrong: func(args, want []any) []any {
		g, _ := args[len(args)-1].(float64)
		if g == 0 {
			return want // a local gradient is not recoverable from 0
		}
		return mapResults(want, func(x float64) float64 { return x / g })
	},
}

// oneSidedStep: a central difference divided by h instead of 2h.
var oneSidedStep = Mistake{
	Hint:   "likely mistake: divide by 2h, not h: θ + h and θ − h are 2h apart",
	HintID: "kemungkinan kesalahan: bagi dengan 2h, bukan h: θ + h dan θ − h berjarak 2h",
	Wrong:  func(_, want []any) []any { return mapResults(want, func(x float64) float64 { return 2 * x }) },
}

// plainMomentum: Nesterov's step taken as lr·v, without the look-ahead.
var plainMomentum = Mistake{
	Hint:   "likely mistake: that is plain momentum (w − lr·v); Nesterov steps by lr·(grad + beta·v)",
	HintID: "kemungkinan kesalahan: itu momentum biasa (w − lr·v); Nesterov melangkah sejauh lr·(grad + beta·v)",
	Wrong: func(args, want []any) []any {
		w, _ := args[0].([]float64)
		v, _ := want[1].([]float64)
		lr, _ := args[3].(float64)
		out := make([]float64, len(w))
		for i := range out {
			if i < len(v) {
				out[i] = w[i] - lr*v[i]
			}
		}
		return []any{out, want[1]}
	},
}

// warmUpFromZero: a warm-up that starts at 0, lr·step/warmupSteps.
var warmUpFromZero = Mistake{
	Hint:   "likely mistake: the warm-up starts at 0; use (step+1)/(warmupSteps+1), so step 0 already gets a small rate",
	HintID: "kemungkinan kesalahan: warm-up dimulai dari 0; gunakan (step+1)/(warmupSteps+1), agar step 0 sudah mendapat rate kecil",
	Wrong: func(args, want []any) []any {
		lr, _ := args[0].(float64)
		warm, _ := args[1].(int)
		step, _ := args[2].(int)
		if step >= warm {
			return want
		}
		return []any{lr * float64(step) / float64(warm)}
	},
}

// fanInOnly: Glorot's bound from the fan-in alone, √(6/fanIn).
var fanInOnly = Mistake{
	Hint:   "likely mistake: Glorot's a = √(6/(fanIn + fanOut)) counts both fans, not fanIn alone",
	HintID: "kemungkinan kesalahan: a dari Glorot = √(6/(fanIn + fanOut)) menghitung kedua fan, bukan fanIn saja",
	Wrong: func(args, want []any) []any {
		u, _ := args[0].([][]float64)
		if len(u) == 0 {
			return want
		}
		in, out := float64(len(u)), float64(len(u[0]))
		return mapResults(want, func(x float64) float64 { return x * math.Sqrt((in+out)/in) })
	},
}

// forgotReLUFactor: He's σ without its 2, √(1/fanIn).
var forgotReLUFactor = Mistake{
	Hint:   "likely mistake: He's σ = √(2/fanIn); the 2 makes up for ReLU setting half of its inputs to 0",
	HintID: "kemungkinan kesalahan: σ dari He = √(2/fanIn); angka 2 mengganti separuh input yang dinolkan ReLU",
	Wrong:  func(_, want []any) []any { return mapResults(want, func(x float64) float64 { return x / math.Sqrt2 }) },
}
