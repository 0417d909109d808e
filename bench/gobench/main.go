// Command gobench runs the workloads of bench/compare.sh with this
// project's library, on data and starting weights shared with the Python
// references (bench/reference.py).
//
//	gobench gen DIR            write the data and the starting weights into DIR
//	gobench w1 DIR sparse|dense [loop]  one epoch of the 784-128-10 ReLU network
//	gobench w2 DIR BATCH STEPS [loop]   STEPS training steps of the 2-16-16-1 tanh network
//	gobench matmul N           GFLOP/s of an N×N by N×N float64 product
//	gobench notebook           200 epochs of W2 with a loss chart, as a notebook cell
//
// The workloads train with backprop.Fit, or, given loop, with the loop a
// learner writes (forward, loss, zero + backward, update; trainLoop): the
// two must take the same time and reach the same loss, bit for bit.
//
// With GOBENCH_CPUPROFILE=FILE set, the workload's CPU profile is written
// to FILE (read it with go tool pprof).
//
// Each workload prints one JSON object: its name, the implementation, the
// time (seconds per run, or µs per step) and the loss on the whole training
// set after training, which every implementation must reproduce. Files
// are raw little-endian float64, row-major; DIR/meta.json gives the shapes.
// The program runs on one thread (GOMAXPROCS=1) unless told otherwise.
package main

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"syscall"
	"time"

	"github.com/deepdive-dl/backprop/pkg/backprop"
	"github.com/deepdive-dl/backprop/pkg/backprop/mnist"
	"github.com/deepdive-dl/backprop/pkg/viz"
	"gonum.org/v1/gonum/mat"
)

func main() {
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(1)
	}
	if len(os.Args) < 2 {
		usage()
	}
	stop := func() {}
	if path := os.Getenv("GOBENCH_CPUPROFILE"); path != "" {
		var err error
		if stop, err = startProfile(path); err != nil {
			fmt.Fprintln(os.Stderr, "gobench:", err)
			os.Exit(1)
		}
	}
	err := run(os.Args[1], os.Args[2:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gobench:", err)
		os.Exit(1)
	}
}

// startProfile starts a CPU profile written to path; the returned
// function stops it.
func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// run runs the workload named cmd.
func run(cmd string, args []string) error {
	var err error
	switch cmd {
	case "gen":
		need(args, 1)
		err = gen(args[0])
	case "w1":
		loop := needLoop(args, 2)
		err = w1(args[0], args[1], loop)
	case "w2":
		loop := needLoop(args, 3)
		err = w2(args[0], atoi(args[1]), atoi(args[2]), loop)
	case "matmul":
		need(args, 1)
		matmul(atoi(args[0]))
	case "notebook":
		err = notebook()
	default:
		usage()
	}
	return err
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: gobench gen DIR | w1 DIR sparse|dense [loop] | w2 DIR BATCH STEPS [loop] | matmul N | notebook")
	os.Exit(2)
}

func need(args []string, n int) {
	if len(args) != n {
		usage()
	}
}

// needLoop checks that args holds n arguments, or n and "loop", and
// reports whether it ends with "loop".
func needLoop(args []string, n int) bool {
	if len(args) == n+1 && args[n] == "loop" {
		return true
	}
	need(args, n)
	return false
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		usage()
	}
	return n
}

// result is what every workload prints, as one line of JSON.
//
// Times are given twice: wall-clock, and the CPU time the process got
// (user + system), which is what to compare on a machine that other jobs
// share.
type result struct {
	Workload     string  `json:"workload"`
	Impl         string  `json:"impl"`
	Seconds      float64 `json:"seconds,omitempty"` // per run
	CPUSeconds   float64 `json:"cpu_seconds,omitempty"`
	USPerStep    float64 `json:"us_per_step,omitempty"`
	CPUUSPerStep float64 `json:"cpu_us_per_step,omitempty"`
	GFLOPS       float64 `json:"gflops,omitempty"`
	Loss         float64 `json:"loss,omitempty"` // on the whole training set, after training
	Extra        string  `json:"extra,omitempty"`
}

// timer measures wall-clock and CPU time from its start.
type timer struct {
	wall time.Time
	cpu  float64
}

func startTimer() timer { return timer{time.Now(), cpuSeconds()} }

// elapsed returns the wall-clock and CPU seconds since t started.
func (t timer) elapsed() (wall, cpu float64) {
	return time.Since(t.wall).Seconds(), cpuSeconds() - t.cpu
}

// cpuSeconds is the CPU time of the process so far, user plus system.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return math.NaN()
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

func (r result) print() {
	r.Impl = impl
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
}

// The workloads' data and networks. Every implementation reads these
// files, so they all start from the same weights and see the same batches
// in the same order (no shuffling).
const (
	w1Batch, w1LR = 64, 0.1
	w2LR          = 0.5
)

// gen writes the data sets and the starting weights of both networks.
func gen(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	meta := map[string][2]int{}
	put := func(name string, m *mat.Dense) error {
		r, c := m.Dims()
		meta[name] = [2]int{r, c}
		return writeF64(filepath.Join(dir, name+".f64"), m)
	}
	// W1: MNIST's 60,000 training images (about 81% of the pixels are 0),
	// and the same images centred on the mean pixel value, 0.1307 (no
	// zeros left), for dense inputs. (Standardizing, dividing by the
	// standard deviation too, makes plain SGD at lr 0.1 so unstable that
	// float64 implementations no longer agree to 6 digits after an epoch.)
	train, _, err := mnist.Load(60000, 1)
	if err != nil {
		return err
	}
	dense := mat.DenseCopyOf(train.X)
	dense.Apply(func(_, _ int, v float64) float64 { return v - 0.1307 }, dense)
	w1net := w1Net()
	// W2: 1,000 points of the two moons.
	mx, my := backprop.MakeMoons(1000, 0.1, 1)
	w2net := w2Net()
	for _, f := range []struct {
		name string
		m    *mat.Dense
	}{
		{"w1_x_sparse", train.X}, {"w1_x_dense", dense}, {"w1_y", train.Y},
		{"w1_W1", w1net.Layers[0].(*backprop.Linear).W.Value}, {"w1_b1", w1net.Layers[0].(*backprop.Linear).B.Value},
		{"w1_W2", w1net.Layers[2].(*backprop.Linear).W.Value}, {"w1_b2", w1net.Layers[2].(*backprop.Linear).B.Value},
		{"w2_x", mx}, {"w2_y", my},
	} {
		if err := put(f.name, f.m); err != nil {
			return err
		}
	}
	for i, k := range []int{0, 2, 4} {
		l := w2net.Layers[k].(*backprop.Linear)
		if err := put(fmt.Sprintf("w2_W%d", i+1), l.W.Value); err != nil {
			return err
		}
		if err := put(fmt.Sprintf("w2_b%d", i+1), l.B.Value); err != nil {
			return err
		}
	}
	b, err := json.MarshalIndent(meta, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "meta.json"), b, 0o644)
}

func w1Net() *backprop.Sequential {
	r := backprop.NewRand(1)
	return backprop.NewSequential(
		backprop.NewLinear("dense1", 784, 128, backprop.HeUniform, r), &backprop.ReLU{},
		backprop.NewLinear("dense2", 128, 10, backprop.GlorotUniform, r))
}

func w2Net() *backprop.Sequential {
	r := backprop.NewRand(1)
	return backprop.NewSequential(
		backprop.NewLinear("dense1", 2, 16, backprop.GlorotUniform, r), &backprop.Tanh{},
		backprop.NewLinear("dense2", 16, 16, backprop.GlorotUniform, r), &backprop.Tanh{},
		backprop.NewLinear("dense3", 16, 1, backprop.GlorotUniform, r), &backprop.Sigmoid{})
}

// loadNet sets the weights of net's Linear layers from DIR/<prefix>W1.f64,
// <prefix>b1.f64, ...
func loadNet(dir, prefix string, net *backprop.Sequential, meta map[string][2]int) error {
	k := 0
	for _, l := range net.Layers {
		lin, ok := l.(*backprop.Linear)
		if !ok {
			continue
		}
		k++
		for _, p := range []struct {
			name string
			m    *mat.Dense
		}{{fmt.Sprintf("%sW%d", prefix, k), lin.W.Value}, {fmt.Sprintf("%sb%d", prefix, k), lin.B.Value}} {
			m, err := load(dir, p.name, meta)
			if err != nil {
				return err
			}
			p.m.Copy(m)
		}
	}
	return nil
}

// w1 trains the W1 network for one epoch and prints the time and the loss.
func w1(dir, kind string, loop bool) error {
	meta, err := readMeta(dir)
	if err != nil {
		return err
	}
	x, err := load(dir, "w1_x_"+kind, meta)
	if err != nil {
		return err
	}
	y, err := load(dir, "w1_y", meta)
	if err != nil {
		return err
	}
	net := w1Net()
	if err := loadNet(dir, "w1_", net, meta); err != nil {
		return err
	}
	loss := backprop.SparseCrossEntropyWithLogits{}
	start := startTimer()
	if err := train(net, x, y, loss, w1Batch, 1, w1LR, loop); err != nil {
		return err
	}
	wall, cpu := start.elapsed()
	result{Workload: "w1-" + kind + loopSuffix(loop), Seconds: wall, CPUSeconds: cpu, Loss: evalLoss(net, loss, x, y)}.print()
	return nil
}

// train trains net on x, y for epochs epochs of batches of batch rows, in
// order, with plain SGD: with Fit, or with trainLoop if loop.
func train(net *backprop.Sequential, x, y *mat.Dense, loss backprop.Loss, batch, epochs int, lr float64, loop bool) error {
	if loop {
		trainLoop(net, x, y, loss, batch, epochs, lr)
		return nil
	}
	_, err := backprop.Fit(net, x, y, backprop.FitConfig{
		Epochs: epochs, BatchSize: batch, LR: lr, Loss: loss, NoShuffle: true,
	})
	return err
}

// trainLoop is train as a learner writes it, the four lines of the
// lecture per step.
func trainLoop(net *backprop.Sequential, x, y *mat.Dense, loss backprop.Loss, batch, epochs int, lr float64) {
	opt := backprop.NewSGD(backprop.SGDConfig{})
	n, c := x.Dims()
	var g *mat.Dense
	for range epochs {
		for s := 0; s < n; s += batch {
			e := min(s+batch, n)
			xb := x.Slice(s, e, 0, c).(*mat.Dense)
			yb := y.Slice(s, e, 0, y.RawMatrix().Cols).(*mat.Dense)
			pred := net.Forward(xb)  // 1. forward
			_ = loss.Value(pred, yb) // 2. loss
			if g == nil || g.RawMatrix().Rows != e-s {
				g = mat.NewDense(e-s, pred.RawMatrix().Cols, nil)
			}
			loss.Grad(g, pred, yb)
			net.ZeroGrad() // 3. zero + backward
			net.Backward(g)
			opt.Step(net.Params(), lr) // 4. update
		}
	}
}

// loopSuffix is the suffix of the name of a workload trained with trainLoop.
func loopSuffix(loop bool) string {
	if loop {
		return "-loop"
	}
	return ""
}

// evalLoss is the loss of net on x, y, computed in slices of 1,000 rows to
// keep the memory small.
func evalLoss(net *backprop.Sequential, loss backprop.Loss, x, y *mat.Dense) float64 {
	n, _ := x.Dims()
	var sum float64
	for s := 0; s < n; s += 1000 {
		e := min(s+1000, n)
		xs := x.Slice(s, e, 0, x.RawMatrix().Cols).(*mat.Dense)
		ys := y.Slice(s, e, 0, y.RawMatrix().Cols).(*mat.Dense)
		sum += loss.Value(net.Forward(xs), ys) * float64(e-s)
	}
	return sum / float64(n)
}

// w2 takes steps training steps of batch size batch (in order, cycling
// over the 1,000 points) and prints µs per step and the loss.
func w2(dir string, batch, steps int, loop bool) error {
	meta, err := readMeta(dir)
	if err != nil {
		return err
	}
	x, err := load(dir, "w2_x", meta)
	if err != nil {
		return err
	}
	y, err := load(dir, "w2_y", meta)
	if err != nil {
		return err
	}
	net := w2Net()
	if err := loadNet(dir, "w2_", net, meta); err != nil {
		return err
	}
	n, _ := x.Dims()
	perEpoch := (n + batch - 1) / batch
	if steps%perEpoch != 0 {
		return fmt.Errorf("w2: %d steps is not a whole number of epochs of %d steps", steps, perEpoch)
	}
	start := startTimer()
	if err := train(net, x, y, backprop.BCE{}, batch, steps/perEpoch, w2LR, loop); err != nil {
		return err
	}
	wall, cpu := start.elapsed()
	result{Workload: fmt.Sprintf("w2-batch%d", batch) + loopSuffix(loop), USPerStep: wall * 1e6 / float64(steps),
		CPUUSPerStep: cpu * 1e6 / float64(steps), Loss: evalLoss(net, backprop.BCE{}, x, y)}.print()
	return nil
}

// matmul times C = A·B for n×n matrices through gonum's mat.Dense.Mul.
func matmul(n int) {
	rng := backprop.NewRand(1)
	a, b := mat.NewDense(n, n, nil), mat.NewDense(n, n, nil)
	for _, m := range []*mat.Dense{a, b} {
		d := m.RawMatrix().Data
		for i := range d {
			d[i] = rng.NormFloat64()
		}
	}
	var c mat.Dense
	c.Mul(a, b) // warm up
	best := math.Inf(1)
	for range 3 {
		start := time.Now()
		c.Mul(a, b)
		best = min(best, time.Since(start).Seconds())
	}
	result{Workload: fmt.Sprintf("matmul%d", n), GFLOPS: 2 * float64(n) * float64(n) * float64(n) / best / 1e9}.print()
}

// notebook is the course's interactive target: a cell that trains the W2
// network for 200 epochs of mini-batches of 32 (shuffled, as in the
// notebooks) and draws the loss curve.
func notebook() error {
	x, y := backprop.MakeMoons(1000, 0.1, 1)
	start := time.Now()
	h, err := backprop.Fit(w2Net(), x, y, backprop.FitConfig{
		Epochs: 200, BatchSize: 32, LR: w2LR, Loss: backprop.BCE{}, Seed: 1,
	})
	if err != nil {
		return err
	}
	train := time.Since(start)
	losses := make([]float64, len(h.Epochs))
	for i, e := range h.Epochs {
		losses[i] = e.Loss
	}
	page := filepath.Join(os.TempDir(), "gobench-notebook.html")
	if err := viz.WriteHTML(page, viz.Lines(viz.Options{Title: "W2 loss"}, viz.Series{Name: "loss", Y: losses})); err != nil {
		return err
	}
	total := time.Since(start)
	result{Workload: "notebook-w2-200-epochs", Seconds: total.Seconds(), Loss: h.Last().Loss,
		Extra: fmt.Sprintf("training %.3f s, chart %.3f s", train.Seconds(), (total - train).Seconds())}.print()
	return nil
}

func readMeta(dir string) (map[string][2]int, error) {
	b, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		return nil, err
	}
	meta := map[string][2]int{}
	return meta, json.Unmarshal(b, &meta)
}

// load reads DIR/name.f64 into a new matrix of the shape meta gives.
func load(dir, name string, meta map[string][2]int) (*mat.Dense, error) {
	shape, ok := meta[name]
	if !ok {
		return nil, fmt.Errorf("%s: not in meta.json", name)
	}
	f, err := os.Open(filepath.Join(dir, name+".f64"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := mat.NewDense(shape[0], shape[1], nil)
	// Decoded 64 KB at a time: reading the whole file into a byte slice
	// first would double the peak memory of the W1 run.
	data := m.RawMatrix().Data
	br := bufio.NewReaderSize(f, 1<<16)
	var buf [8]byte
	for i := range data {
		if _, err := io.ReadFull(br, buf[:]); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		data[i] = math.Float64frombits(binary.LittleEndian.Uint64(buf[:]))
	}
	return m, nil
}

func writeF64(path string, m *mat.Dense) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	raw := m.RawMatrix()
	var buf [8]byte
	for i := 0; i < raw.Rows; i++ {
		for _, v := range raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols] {
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(v))
			if _, err := w.Write(buf[:]); err != nil {
				f.Close()
				return err
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
