// Package wire is the protocol between the grader and the program built
// from a learner's code: length-prefixed binary messages over two inherited
// pipes (file descriptors 3 and 4), never standard output, so whatever the
// learner's code prints cannot pass for a result.
//
// The same file is compiled into the grader and copied into every learner
// program, so both sides always speak the same version.
//
// The conversation:
//
//	grader → program   nonce (8 bytes)
//	program → grader   hello: magic, nonce                  (the package's init has finished)
//	grader → program   call: sequence number, function name, arguments
//	program → grader   reply: nonce, sequence number, panic message or "", results, arguments after the call
//
// A value is a one-byte tag and its payload: a float64 or an int, a string,
// or a slice or matrix of float64 or int with its lengths. Decoding refuses
// values larger than MaxElements, so a reply cannot make the grader allocate
// without bound.
package wire

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Magic opens the hello message.
const Magic = "backprop-grader-1"

// MaxElements bounds the number of numbers in one message.
const MaxElements = 1 << 22

const (
	tagFloat    = 'f'
	tagInt      = 'i'
	tagString   = 's'
	tagFloats   = 'F'
	tagInts     = 'I'
	tagFloatMat = 'M'
	tagIntMat   = 'N'
)

// Writer writes messages.
type Writer struct{ w *bufio.Writer }

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer) *Writer { return &Writer{bufio.NewWriter(w)} }

// Flush sends what was written.
func (w *Writer) Flush() error { return w.w.Flush() }

// Uint writes an unsigned integer.
func (w *Writer) Uint(u uint64) {
	var buf [binary.MaxVarintLen64]byte
	w.w.Write(buf[:binary.PutUvarint(buf[:], u)])
}

func (w *Writer) int(i int) {
	var buf [binary.MaxVarintLen64]byte
	w.w.Write(buf[:binary.PutVarint(buf[:], int64(i))])
}

func (w *Writer) float(f float64) {
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], math.Float64bits(f))
	w.w.Write(buf[:])
}

// String writes a string.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.w.WriteString(s)
}

// Values writes a count and the values; each must be one of the types the
// exercises use (float64, int, string, []float64, []int, [][]float64,
// [][]int).
func (w *Writer) Values(vs []any) error {
	w.Uint(uint64(len(vs)))
	for _, v := range vs {
		if err := w.Value(v); err != nil {
			return err
		}
	}
	return nil
}

// Value writes one value.
func (w *Writer) Value(v any) error {
	switch v := v.(type) {
	case float64:
		w.w.WriteByte(tagFloat)
		w.float(v)
	case int:
		w.w.WriteByte(tagInt)
		w.int(v)
	case string:
		w.w.WriteByte(tagString)
		w.String(v)
	case []float64:
		w.w.WriteByte(tagFloats)
		w.floats(v)
	case []int:
		w.w.WriteByte(tagInts)
		w.ints(v)
	case [][]float64:
		w.w.WriteByte(tagFloatMat)
		w.Uint(uint64(len(v)))
		for _, row := range v {
			w.floats(row)
		}
	case [][]int:
		w.w.WriteByte(tagIntMat)
		w.Uint(uint64(len(v)))
		for _, row := range v {
			w.ints(row)
		}
	default:
		return fmt.Errorf("wire: cannot send a value of type %T", v)
	}
	return nil
}

func (w *Writer) floats(v []float64) {
	w.Uint(uint64(len(v)))
	for _, f := range v {
		w.float(f)
	}
}

func (w *Writer) ints(v []int) {
	w.Uint(uint64(len(v)))
	for _, i := range v {
		w.int(i)
	}
}

// Reader reads messages.
type Reader struct {
	r     *bufio.Reader
	count int // numbers read since the last Reset
}

// NewReader returns a Reader on r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReader(r)} }

// ErrTooLarge is returned for a message with more than MaxElements numbers.
var ErrTooLarge = errors.New("wire: message too large")

// Reset starts the element budget of a new message.
func (r *Reader) Reset() { r.count = 0 }

// Uint reads an unsigned integer.
func (r *Reader) Uint() (uint64, error) { return binary.ReadUvarint(r.r) }

// length reads a length and charges it to the budget.
func (r *Reader) length() (int, error) {
	n, err := r.Uint()
	if err != nil {
		return 0, err
	}
	if n > MaxElements || r.count+int(n) > MaxElements {
		return 0, ErrTooLarge
	}
	r.count += int(n)
	return int(n), nil
}

func (r *Reader) int() (int, error) {
	i, err := binary.ReadVarint(r.r)
	return int(i), err
}

func (r *Reader) float() (float64, error) {
	var buf [8]byte
	if _, err := io.ReadFull(r.r, buf[:]); err != nil {
		return 0, err
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(buf[:])), nil
}

// String reads a string.
func (r *Reader) String() (string, error) {
	n, err := r.length()
	if err != nil {
		return "", err
	}
	buf := make([]byte, n)
	_, err = io.ReadFull(r.r, buf)
	return string(buf), err
}

// Bytes reads exactly n raw bytes.
func (r *Reader) Bytes(n int) ([]byte, error) {
	buf := make([]byte, n)
	_, err := io.ReadFull(r.r, buf)
	return buf, err
}

// Values reads a count and that many values.
func (r *Reader) Values() ([]any, error) {
	n, err := r.length()
	if err != nil {
		return nil, err
	}
	vs := make([]any, n)
	for i := range vs {
		if vs[i], err = r.Value(); err != nil {
			return nil, err
		}
	}
	return vs, nil
}

// Value reads one value.
func (r *Reader) Value() (any, error) {
	tag, err := r.r.ReadByte()
	if err != nil {
		return nil, err
	}
	switch tag {
	case tagFloat:
		return r.float()
	case tagInt:
		return r.int()
	case tagString:
		return r.String()
	case tagFloats:
		return readSlice(r, r.float)
	case tagInts:
		return readSlice(r, r.int)
	case tagFloatMat:
		return readSlice(r, func() ([]float64, error) { return readSlice(r, r.float) })
	case tagIntMat:
		return readSlice(r, func() ([]int, error) { return readSlice(r, r.int) })
	}
	return nil, fmt.Errorf("wire: unknown value tag %q", tag)
}

func readSlice[E any](r *Reader, elem func() (E, error)) ([]E, error) {
	n, err := r.length()
	if err != nil {
		return nil, err
	}
	s := make([]E, n)
	for i := range s {
		if s[i], err = elem(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Get returns argument i as a T. The grader sends the types of the
// exercise's signature, so a mismatch is a grader bug: it panics.
func Get[T any](args []any, i int) T {
	v, ok := args[i].(T)
	if !ok {
		panic(fmt.Sprintf("wire: argument %d is a %T, want %T", i, args[i], v))
	}
	return v
}

// Handler calls one exercise function with decoded arguments and returns
// its results.
type Handler func(args []any) []any

// Serve is the learner program's main loop: it reads the nonce, says hello,
// then answers calls until the grader closes the pipe. A panic in a handler
// is caught and reported as that call's answer.
func Serve(in io.Reader, out io.Writer, handlers map[string]Handler) error {
	r, w := NewReader(in), NewWriter(out)
	nonce, err := r.Bytes(8)
	if err != nil {
		return err
	}
	w.String(Magic)
	w.w.Write(nonce)
	if err := w.Flush(); err != nil {
		return err
	}
	for {
		r.Reset()
		seq, err := r.Uint()
		if err != nil {
			return nil // the grader is done
		}
		name, err := r.String()
		if err != nil {
			return err
		}
		args, err := r.Values()
		if err != nil {
			return err
		}
		results, panicked := call(handlers[name], name, args)
		w.w.Write(nonce)
		w.Uint(seq)
		w.String(panicked)
		if err := w.Values(results); err != nil {
			return err // the adapters return only wire types: cannot happen
		}
		w.Values(args)
		if err := w.Flush(); err != nil {
			return err
		}
	}
}

// call runs a handler, turning a panic into a message.
func call(h Handler, name string, args []any) (results []any, panicked string) {
	if h == nil {
		return nil, "no function " + name
	}
	defer func() {
		if p := recover(); p != nil {
			panicked = fmt.Sprint(p)
			if panicked == "" {
				panicked = "panic"
			}
		}
	}()
	return h(args), ""
}
