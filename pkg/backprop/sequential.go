package backprop

import (
	"fmt"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Sequential chains layers: the output of each is the input of the next.
// It is itself a Layer, so a Sequential can be nested in another one, and a
// whole network can be trained, gradient-checked or evaluated like a single
// layer.
//
// Backward runs the layers in reverse order, handing each the gradient the
// layer above returned: this is backpropagation, the chain rule applied one
// layer at a time.
type Sequential struct {
	Layers []Layer

	// InputGrad makes Backward compute and return dL/dx, the gradient of
	// the loss with respect to the network's input. Without it (the zero
	// value) Backward returns nil, and the first layer computes its
	// parameter gradients only, if it can (it is a ParamBackwarder, as
	// Linear is): training never uses dL/dx, and skipping it makes the
	// backward pass of a network fed with images a third shorter. The
	// parameter gradients are the same either way. A network nested in
	// another one, and GradCheck, get dL/dx whatever InputGrad says.
	InputGrad bool
}

var (
	_ Layer           = (*Sequential)(nil)
	_ ParamBackwarder = (*Sequential)(nil)
)

// NewSequential returns a network made of layers, applied in order.
// It panics if a layer is nil.
func NewSequential(layers ...Layer) *Sequential {
	for i, l := range layers {
		if l == nil {
			panic(fmt.Sprintf("backprop: NewSequential: layer %d is nil", i))
		}
	}
	return &Sequential{Layers: layers}
}

// Forward applies every layer in order and returns the last output (owned
// by the last layer). With no layers it returns x.
func (s *Sequential) Forward(x *mat.Dense) *mat.Dense {
	for _, l := range s.Layers {
		x = l.Forward(x)
	}
	return x
}

// Backward propagates gradOut from the last layer to the first, letting
// each layer add its parameter gradients: each layer receives the gradient
// the layer above returned. It returns dL/dx of the network's input if
// InputGrad is set, else nil (see InputGrad). It panics if a layer does
// (e.g. Backward before Forward).
func (s *Sequential) Backward(gradOut *mat.Dense) *mat.Dense {
	return s.backward(gradOut, s.InputGrad)
}

// BackwardParams is Backward without dL/dx, whatever InputGrad says.
func (s *Sequential) BackwardParams(gradOut *mat.Dense) {
	s.backward(gradOut, false)
}

// backward is Backward, computing dL/dx of the input only if inputGrad.
func (s *Sequential) backward(gradOut *mat.Dense, inputGrad bool) *mat.Dense {
	for i := len(s.Layers) - 1; i >= 1; i-- {
		gradOut = backwardInput(s.Layers[i], gradOut)
	}
	switch {
	case len(s.Layers) == 0 && inputGrad:
		return gradOut // no layers: y = x
	case len(s.Layers) == 0:
		return nil
	case inputGrad:
		return backwardInput(s.Layers[0], gradOut)
	}
	if pb, ok := s.Layers[0].(ParamBackwarder); ok {
		pb.BackwardParams(gradOut)
	} else {
		s.Layers[0].Backward(gradOut)
	}
	return nil
}

// backwardInput runs the backward pass of l and returns dL/d(input), also
// for a Sequential without InputGrad.
func backwardInput(l Layer, gradOut *mat.Dense) *mat.Dense {
	if s, ok := l.(*Sequential); ok {
		return s.backward(gradOut, true)
	}
	return l.Backward(gradOut)
}

// Params returns the parameters of all layers, in layer order. The slice is
// new on each call; the Params in it are the layers' own.
func (s *Sequential) Params() []*Param {
	var ps []*Param
	for _, l := range s.Layers {
		ps = append(ps, l.Params()...)
	}
	return ps
}

// ZeroGrad sets the gradient of every parameter of the network to zero.
// Backward adds into the gradients, so call it before each backward pass
// (Fit's step does).
func (s *Sequential) ZeroGrad() {
	for _, l := range s.Layers {
		ZeroGrad(l.Params())
	}
}

// String lists the layers, one per line, with the number of parameters:
//
//	Sequential(
//	  Linear(dense1: 2→16)
//	  Tanh
//	) 48 parameters
func (s *Sequential) String() string {
	var b strings.Builder
	b.WriteString("Sequential(\n")
	for _, l := range s.Layers {
		if str, ok := l.(fmt.Stringer); ok {
			fmt.Fprintf(&b, "  %s\n", strings.ReplaceAll(str.String(), "\n", "\n  "))
		} else {
			fmt.Fprintf(&b, "  %T\n", l)
		}
	}
	fmt.Fprintf(&b, ") %d parameters", CountParams(s.Params()))
	return b.String()
}

// ZeroGrad sets every gradient in params to zero.
func ZeroGrad(params []*Param) {
	for _, p := range params {
		if g := p.Grad.RawMatrix(); g.Stride == g.Cols {
			clear(g.Data[:g.Rows*g.Cols]) // contiguous: one pass, not one per row
		} else {
			p.Grad.Zero()
		}
	}
}

// CountParams returns the number of scalar values in params (the "number
// of parameters" of a model).
func CountParams(params []*Param) int {
	n := 0
	for _, p := range params {
		r, c := p.Value.Dims()
		n += r * c
	}
	return n
}
