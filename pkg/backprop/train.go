package backprop

import (
	"errors"
	"fmt"
	"io"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/pkg/backprop/internal/kernel"
)

// FitConfig sets up a training run. The zero value works: each zero field
// means the default its comment gives.
type FitConfig struct {
	// Epochs is the maximum number of passes over the training data.
	// Default 100. Early stopping (Patience) may end training sooner.
	Epochs int

	// BatchSize is the number of examples per step. Default 0 means all of
	// them: batch gradient descent, one step per epoch. 1 is stochastic
	// gradient descent (one step per example), anything between is
	// mini-batch gradient descent. The last batch of an epoch holds the
	// remainder when BatchSize does not divide the number of examples.
	BatchSize int

	// Seed drives the shuffle of the examples before each epoch. The same
	// seed, data and starting weights give the same History, bit for bit.
	Seed uint64

	// NoShuffle keeps the examples in their original order in every epoch.
	NoShuffle bool

	// Loss is what training minimises. Default MSE.
	Loss Loss

	// Optimizer updates the parameters after each step. Default plain
	// gradient descent (NewSGD with a zero SGDConfig).
	Optimizer Optimizer

	// Schedule gives the learning rate of each step (counted from 0 over the
	// whole run, not per epoch). Default Constant(LR).
	Schedule Schedule

	// LR is the learning rate used when Schedule is nil. Default 0.01.
	LR float64

	// ValX and ValY are validation data, evaluated after every epoch (both
	// or neither). Without them the validation fields of EpochStats are NaN
	// and early stopping watches the training loss.
	ValX, ValY *mat.Dense

	// Patience enables early stopping: training stops when the watched loss
	// (validation loss, or training loss without validation data) has not
	// improved by more than MinDelta for Patience epochs in a row.
	// Default 0: no early stopping, train for Epochs.
	Patience int

	// MinDelta is the smallest decrease of the watched loss that counts as
	// an improvement. Default 0.
	MinDelta float64

	// RestoreBest, with early stopping, puts back the parameters of the
	// epoch with the lowest watched loss when training stops: early, or
	// after Epochs.
	RestoreBest bool

	// Logits says that a one-column output is a logit (a score in
	// (-∞, ∞), e.g. trained with BCEWithLogits) rather than a probability:
	// accuracy then thresholds it at 0 instead of 0.5.
	Logits bool

	// Log, if not nil, receives one line per epoch (see LogEvery) and a last
	// line saying why training stopped.
	Log io.Writer

	// LogEvery writes every LogEvery-th epoch (and the first and the last).
	// Default 1.
	LogEvery int

	// OnStep, if not nil, is called after every step, e.g. to feed a live
	// chart. OnEpoch is called after every epoch.
	OnStep  func(StepStats)
	OnEpoch func(EpochStats)
}

// StepStats describes one training step.
type StepStats struct {
	Epoch int     // 1-based epoch of the step
	Step  int     // 0-based index of the step over the whole run
	Loss  float64 // loss of the batch before the update
	LR    float64 // learning rate used by the update
}

// EpochStats describes one epoch. Loss and Accuracy are averaged over the
// batches of the epoch, as they were computed during training (weights
// change between batches); ValLoss and ValAccuracy are measured after the
// epoch's last update. Accuracy fields are NaN when the targets are not
// classes (see Accuracy), validation fields are NaN without validation
// data.
type EpochStats struct {
	Epoch       int // 1-based
	Loss        float64
	Accuracy    float64
	ValLoss     float64
	ValAccuracy float64
	LR          float64 // learning rate of the epoch's last step
	Steps       int     // steps taken so far, over the whole run
}

// StopReason says why Fit stopped.
type StopReason int

const (
	StopMaxEpochs StopReason = iota // trained for FitConfig.Epochs epochs
	StopEarly                       // early stopping: no improvement for Patience epochs
	StopDiverged                    // the loss became NaN or infinite
	StopBadData                     // the data holds a NaN or an infinity
)

func (r StopReason) String() string {
	switch r {
	case StopMaxEpochs:
		return "reached the maximum number of epochs"
	case StopEarly:
		return "early stopping: the loss stopped improving"
	case StopDiverged:
		return "diverged: the loss became NaN or infinite"
	case StopBadData:
		return "bad data: a NaN or an infinity in the data"
	}
	return fmt.Sprintf("StopReason(%d)", int(r))
}

// History records a training run.
type History struct {
	Epochs []EpochStats // one per completed epoch
	Steps  []StepStats  // one per step
	Stop   StopReason   // why training ended

	// BestEpoch is the 1-based epoch with the lowest watched loss
	// (validation loss when there is validation data, else training loss),
	// and BestLoss that loss.
	BestEpoch int
	BestLoss  float64

	// RestoredEpoch is the epoch whose parameters RestoreBest put back
	// into the model at the end, or 0 if the model holds those of the
	// last epoch (no RestoreBest, or the last epoch was the best).
	RestoredEpoch int
}

// Last returns the stats of the last completed epoch (zero if none). After
// RestoreBest the model no longer holds that epoch's weights: Final
// describes the weights it holds.
func (h *History) Last() EpochStats {
	if len(h.Epochs) == 0 {
		return EpochStats{}
	}
	return h.Epochs[len(h.Epochs)-1]
}

// Final returns the stats of the weights Fit left in the model: those of
// the epoch RestoreBest put back, else of the last epoch (zero if none).
// Its ValLoss is the model's loss on the validation data, as it stands.
func (h *History) Final() EpochStats {
	if h.RestoredEpoch > 0 {
		return h.Epochs[h.RestoredEpoch-1]
	}
	return h.Last()
}

// ErrDiverged is wrapped by the error Fit returns when the loss becomes NaN
// or infinite: errors.Is(err, ErrDiverged) tells it apart.
var ErrDiverged = errors.New("backprop: training diverged")

// Fit trains model on the examples x (one per row) and their targets y,
// as cfg says, and returns what happened epoch by epoch and step by step.
// Every step is the four lines of the lecture, the loop a learner writes:
// forward pass, loss, backward pass (after zeroing the gradients),
// optimizer update; after every epoch Fit validates, logs and decides
// whether to stop (early stopping).
//
// Fit returns an error, with the History so far, if the data contain NaN
// or infinite values (the error names the row and column), if LR or the
// schedule gives a negative, infinite or NaN learning rate, or if the loss
// becomes NaN or infinite, or the model's output does (the error wraps
// ErrDiverged, names the epoch and the step, both counted from 1, and
// suggests the usual cause: a learning rate that is too high). y and the
// validation data are checked before training; each batch of x is checked
// when it is used, after the forward pass has brought it into the cache
// and before it changes the model. Checking all of x first would read it
// from memory one more time: a tenth of an epoch for 60,000 images.
//
// Fit panics if x and y (or ValX and ValY) have different numbers of rows,
// if only one of ValX and ValY is set, if Epochs, BatchSize, Patience or
// LogEvery is negative, if y does not have the shape the loss takes (the
// message names the loss that fits: one-hot rows with a sparse loss, or
// class labels with MSE, the default), or if the model or loss panic on
// the data (shape mismatch).
func Fit(model Layer, x, y *mat.Dense, cfg FitConfig) (*History, error) {
	h := &History{BestLoss: math.Inf(1)}
	if cfg.Schedule == nil && (!(cfg.LR >= 0) || math.IsInf(cfg.LR, 1)) {
		return h, fmt.Errorf(
			"backprop: Fit: FitConfig.LR is %v; it must be finite and ≥ 0 (0 means the default, 0.01)", cfg.LR)
	}
	t, err := newTrainer(model, x, y, cfg)
	if err != nil {
		h.Stop = StopBadData
		return h, err
	}
	cfg = t.cfg
	if total := cfg.Epochs * ((len(t.order) + t.batch - 1) / t.batch); total <= 1<<20 {
		h.Steps = make([]StepStats, 0, total)
	}
	hooks := epochHooks(h, t.params, cfg)
	// Dropout and other Moders train in training mode; the model is left
	// in evaluation mode, ready to predict.
	SetTraining(model, true)
	defer SetTraining(model, false)
	for t.epoch = 1; t.epoch <= cfg.Epochs; t.epoch++ {
		e, err := t.trainEpoch(h)
		if err != nil {
			if errors.Is(err, ErrDiverged) && cfg.Log != nil {
				fmt.Fprintf(cfg.Log, "stopped: %v\n", err)
			}
			return h, err
		}
		stop := t.epoch == cfg.Epochs
		for _, hook := range hooks {
			stop = hook(e, stop)
		}
		if stop {
			break
		}
	}
	return h, nil
}

// newTrainer checks Fit's arguments and sets up its steps. It returns an
// error for bad data (a NaN or an infinity in y or the validation data),
// and panics on the programmer errors Fit lists.
func newTrainer(model Layer, x, y *mat.Dense, cfg FitConfig) (*trainer, error) {
	lossDefaulted := cfg.Loss == nil
	cfg = cfg.withDefaults()
	mustSameRows("Fit (x, y)", x, y)
	if (cfg.ValX == nil) != (cfg.ValY == nil) {
		panic("backprop: Fit: set both ValX and ValY, or neither")
	}
	if cfg.ValX != nil {
		mustSameRows("Fit (ValX, ValY)", cfg.ValX, cfg.ValY)
		if _, yc := y.Dims(); cfg.ValY.RawMatrix().Cols != yc {
			panic(fmt.Sprintf("backprop: Fit: ValY has %d columns but y has %d; give both targets in the same form",
				cfg.ValY.RawMatrix().Cols, yc))
		}
	}
	checkSparseTargets(cfg.Loss, y)
	for _, d := range []struct {
		name string
		m    *mat.Dense
	}{{"y", y}, {"ValX", cfg.ValX}, {"ValY", cfg.ValY}} {
		if err := checkFinite("Fit", d.name, d.m, nil); err != nil {
			return nil, err
		}
	}
	n, _ := x.Dims()
	batch := cfg.BatchSize
	if batch == 0 || batch > n {
		batch = n
	}
	return &trainer{model: model, loss: cfg.Loss, opt: cfg.Optimizer, params: model.Params(), cfg: cfg,
		x: x, y: y, order: rowIndices(n), batch: batch, rng: NewRand(cfg.Seed),
		lossDefaulted: lossDefaulted, trainAcc: newAccuracyCounter(y, cfg.threshold()), threshold: cfg.threshold()}, nil
}

// trainEpoch runs one epoch: it shuffles the examples, takes a step per
// batch (recording each in h.Steps), then evaluates the validation data.
// It returns the epoch's stats, or the error that stopped training.
func (t *trainer) trainEpoch(h *History) (EpochStats, error) {
	if !t.cfg.NoShuffle {
		t.rng.Shuffle(len(t.order), func(i, j int) { t.order[i], t.order[j] = t.order[j], t.order[i] })
	}
	var lossSum, lr float64
	t.trainAcc.reset()
	for _, idx := range Batches(t.order, t.batch) {
		lr = t.cfg.Schedule(t.steps)
		if !(lr >= 0) || math.IsInf(lr, 1) {
			return EpochStats{}, fmt.Errorf("backprop: Fit: the schedule gave learning rate %v at step %d (Schedule(%d)); it must be finite and ≥ 0",
				lr, t.steps+1, t.steps)
		}
		t.setBatch(idx)
		pred, loss, err := t.step(idx, lr)
		if err != nil {
			h.Stop = StopDiverged
			if !errors.Is(err, ErrDiverged) {
				h.Stop = StopBadData
			}
			return EpochStats{}, err
		}
		t.trainAcc.add(pred, t.yb)
		lossSum += loss * float64(len(idx))
		s := StepStats{Epoch: t.epoch, Step: t.steps, Loss: loss, LR: lr}
		h.Steps = append(h.Steps, s)
		if t.cfg.OnStep != nil {
			t.cfg.OnStep(s)
		}
		t.steps++
	}
	e := EpochStats{Epoch: t.epoch, Loss: lossSum / float64(len(t.order)), Accuracy: t.trainAcc.value(),
		ValLoss: math.NaN(), ValAccuracy: math.NaN(), LR: lr, Steps: t.steps}
	if t.cfg.ValX != nil {
		e.ValLoss, e.ValAccuracy = t.evaluate(t.cfg.ValX, t.cfg.ValY)
	}
	h.Epochs = append(h.Epochs, e)
	if watched := watchedLoss(e, t.cfg); math.IsNaN(watched) || math.IsInf(watched, 0) {
		h.Stop = StopDiverged
		return e, fmt.Errorf("%w: the validation loss is %v after epoch %d (learning rate %g); "+
			"the learning rate is probably too high", ErrDiverged, watched, t.epoch, lr)
	}
	return e, nil
}

// checkSparseTargets panics, before training, if loss takes class indices
// (one column) and y has several columns: most likely one-hot rows, which
// the non-sparse version of the loss takes.
func checkSparseTargets(loss Loss, y *mat.Dense) {
	var instead string
	switch loss.(type) {
	case SparseCrossEntropyWithLogits, *SparseCrossEntropyWithLogits:
		instead = "CrossEntropyWithLogits"
	case SparseCrossEntropy, *SparseCrossEntropy:
		instead = "CrossEntropy"
	default:
		return
	}
	if _, c := y.Dims(); c != 1 {
		panic(fmt.Sprintf("backprop: Fit: y has %d columns, but %v takes one column of class indices 0, 1, …; "+
			"for one-hot rows use Loss: backprop.%s{} (or give the class index of each row)", c, loss, instead))
	}
}

// takesClassIndices reports whether loss compares each row of the model's
// output with one class index, not with a row of targets.
func takesClassIndices(loss Loss) bool {
	switch loss.(type) {
	case SparseCrossEntropyWithLogits, *SparseCrossEntropyWithLogits, SparseCrossEntropy, *SparseCrossEntropy, classFuncLoss:
		return true
	}
	return false
}

// checkOutputFitsTargets panics, at the first step, if the loss compares
// the model's output with y column by column and their widths differ: a
// classifier trained with MSE (the default Loss) on class labels, or
// labels given in the wrong form. The message names the likely fix.
func checkOutputFitsTargets(loss Loss, defaulted bool, pred, y *mat.Dense) {
	if takesClassIndices(loss) {
		return // one column of labels for any number of outputs
	}
	_, pc := pred.Dims()
	_, yc := y.Dims()
	if pc == yc {
		return
	}
	which := fmt.Sprintf("Loss %v", loss)
	if defaulted {
		which = fmt.Sprintf("FitConfig.Loss is not set, so it is %v", loss)
	}
	hint := "make the model's last layer give as many outputs as y has columns"
	if yc == 1 && pc > 1 {
		hint = "for class labels 0 … " + fmt.Sprint(pc-1) + " in one column, set Loss: backprop.SparseCrossEntropyWithLogits{}"
	}
	panic(fmt.Sprintf("backprop: Fit: the model gives %d columns per example but y has %d; %s, which compares them "+
		"column by column: %s", pc, yc, which, hint))
}

func (cfg FitConfig) withDefaults() FitConfig {
	for _, f := range []struct {
		name string
		v    int
	}{{"Epochs", cfg.Epochs}, {"BatchSize", cfg.BatchSize}, {"Patience", cfg.Patience}, {"LogEvery", cfg.LogEvery}} {
		if f.v < 0 {
			panic(fmt.Sprintf("backprop: Fit: %s must be ≥ 0, got %d", f.name, f.v))
		}
	}
	if cfg.Epochs == 0 {
		cfg.Epochs = 100
	}
	if cfg.Loss == nil {
		cfg.Loss = MSE{}
	}
	if cfg.Optimizer == nil {
		cfg.Optimizer = NewSGD(SGDConfig{})
	}
	if cfg.LR == 0 {
		cfg.LR = 0.01
	}
	if cfg.Schedule == nil {
		cfg.Schedule = Constant(cfg.LR)
	}
	if cfg.LogEvery == 0 {
		cfg.LogEvery = 1
	}
	return cfg
}

// threshold is the decision threshold of a one-column output.
func (cfg FitConfig) threshold() float64 {
	if cfg.Logits {
		return 0
	}
	return 0.5
}

// checkFinite returns an error naming the first NaN or infinite entry of m
// (nil if m is nil or has none). Row i of m is row rows[i] of the data set
// named name, or row i when rows is nil. denseFinite tests the whole of m
// without a branch per element; only if it fails are the rows walked
// again to find the entry.
func checkFinite(op, name string, m *mat.Dense, rows []int) error {
	if m == nil || denseFinite(m) {
		return nil
	}
	raw := m.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		r := row(raw, i)
		if kernel.AllFinite(r) {
			continue
		}
		at := i
		if rows != nil {
			at = rows[i]
		}
		for j, v := range r {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("backprop: %s: %s has %v at row %d, column %d", op, name, v, at, j)
			}
		}
	}
	return nil
}

// denseFinite reports whether every element of m is finite.
func denseFinite(m *mat.Dense) bool {
	raw := m.RawMatrix()
	if raw.Stride == raw.Cols { // contiguous: one call for all of it
		return kernel.AllFinite(raw.Data[:raw.Rows*raw.Cols])
	}
	for i := 0; i < raw.Rows; i++ {
		if !kernel.AllFinite(raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]) {
			return false
		}
	}
	return true
}
