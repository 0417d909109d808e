package grader

import (
	"crypto/rand"
	"errors"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/deepdive-dl/backprop/grader/wire"
)

// Limits bound what one learner program may use. The zero value of each
// field selects its default.
type Limits struct {
	// Time is the wall time for all the tests of one exercise (default 3 s).
	Time time.Duration
	// Startup is the wall time for the program to start and finish its
	// package initialisation (default 3 s).
	Startup time.Duration
	// Memory is the address space of the program in bytes (default 1.5 GiB;
	// a Go program reserves about 0.7 GiB of it at start, so about 0.8 GiB
	// are usable).
	Memory int64
	// Compile is the wall and CPU time of compiling the submission
	// (default 30 s).
	Compile time.Duration
	// Output is how many bytes of the program's standard output and error
	// are kept for messages (default 16 KiB); the rest is discarded.
	Output int
}

func (l Limits) withDefaults() Limits {
	if l.Time <= 0 {
		l.Time = 3 * time.Second
	}
	if l.Startup <= 0 {
		l.Startup = 3 * time.Second
	}
	if l.Memory <= 0 {
		l.Memory = 3 << 29
	}
	if l.Compile <= 0 {
		l.Compile = 30 * time.Second
	}
	if l.Output <= 0 {
		l.Output = 16 << 10
	}
	return l
}

// capped keeps the first max bytes written to it and drops the rest.
type capped struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := c.max - len(c.buf); room > 0 {
		c.buf = append(c.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return string(c.buf)
}

// process is one running learner program.
type process struct {
	sb      *sandbox
	lang    Lang
	cmd     *step
	calls   *os.File
	w       *wire.Writer
	r       *wire.Reader
	nonce   []byte
	out     *capped
	seq     uint64
	limits  Limits
	done    chan struct{} // closed when the process has exited
	waitErr error
}

// reply is the answer to one call.
type reply struct {
	panicked string
	results  []any
	argsOut  []any // the arguments after the call, to see if they were modified
}

// errCrashed and errTimeout tell why a call has no reply.
var (
	errTimeout = errors.New("timeout")
	errCrashed = errors.New("crashed")
)

// start runs the program in the sandbox, under the run limits, with an
// empty environment, and waits for its hello, which comes once the learner
// package's init has finished.
func start(sb *sandbox, prog *program, limits Limits, lang Lang) (*process, error) {
	callsR, callsW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	repliesR, repliesW, err := os.Pipe()
	if err != nil {
		callsR.Close()
		callsW.Close()
		return nil, err
	}
	cmd, cleanup, err := sb.command(prog.path, nil, runEnv(limits), runLimits(limits),
		[]*os.File{callsR, repliesW}, []string{prog.path}) // fds 3 and 4
	if err != nil {
		return nil, err
	}
	out := &capped{max: limits.Output}
	cmd.Stdout, cmd.Stderr = out, out
	err = cmd.Start()
	cleanup()
	callsR.Close()
	repliesW.Close()
	if err != nil {
		callsW.Close()
		repliesR.Close()
		return nil, err
	}
	p := &process{sb: sb, lang: lang, cmd: cmd, calls: callsW, w: wire.NewWriter(callsW), r: wire.NewReader(repliesR),
		out: out, limits: limits, done: make(chan struct{})}
	go func() {
		p.waitErr = cmd.Wait()
		repliesR.Close()
		close(p.done)
	}()
	p.nonce = make([]byte, 8)
	rand.Read(p.nonce)
	callsW.Write(p.nonce)
	err = p.await(time.Now().Add(limits.Startup), func() error {
		magic, err := p.r.String()
		if err != nil {
			return err
		}
		got, err := p.r.Bytes(8)
		if err != nil {
			return err
		}
		if magic != wire.Magic || string(got) != string(p.nonce) {
			return errors.New("bad hello")
		}
		return nil
	})
	if err != nil {
		p.kill()
		err := p.failure(err, lang.Say(phWhileStarting))
		// Package initialisation sees no hidden input: its panic text can be shown.
		if re, ok := err.(*RunError); ok && re.Detail != "" {
			re.Message = re.Detail
		}
		return nil, err
	}
	return p, nil
}

// await runs read in the background and waits for it until the deadline;
// on a timeout it kills the process.
func (p *process) await(deadline time.Time, read func() error) error {
	res := make(chan error, 1)
	go func() { res <- read() }()
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	select {
	case err := <-res:
		if err != nil {
			p.kill()
			return errCrashed
		}
		return nil
	case <-timer.C:
		p.kill()
		return errTimeout
	}
}

// call asks the program to run one exercise function.
func (p *process) call(name string, args []any, deadline time.Time) (reply, error) {
	p.seq++
	p.w.Uint(p.seq)
	p.w.String(name)
	if err := p.w.Values(args); err != nil {
		return reply{}, err
	}
	if err := p.w.Flush(); err != nil {
		p.kill()
		return reply{}, p.failure(errCrashed, "")
	}
	var rep reply
	err := p.await(deadline, func() error {
		p.r.Reset()
		nonce, err := p.r.Bytes(8)
		if err != nil {
			return err
		}
		seq, err := p.r.Uint()
		if err != nil {
			return err
		}
		if string(nonce) != string(p.nonce) || seq != p.seq {
			return errors.New("reply out of order")
		}
		if rep.panicked, err = p.r.String(); err != nil {
			return err
		}
		if rep.results, err = p.r.Values(); err != nil {
			return err
		}
		rep.argsOut, err = p.r.Values()
		return err
	})
	if err != nil {
		return reply{}, p.failure(err, "")
	}
	return rep, nil
}

// failure explains why the program stopped answering, from what it
// printed. A panic's own text is the learner's and may print hidden
// inputs: it goes into Detail, shown on public checks only, unless it is
// the Go runtime's ("runtime error: ...").
func (p *process) failure(err error, when string) error {
	l := p.lang
	if err == errTimeout {
		limit := p.limits.Time
		if when != "" {
			limit = p.limits.Startup
		}
		return &RunError{Kind: FailureTimeout, Message: oneLine(l.Say(phTimeLimit, limit, when))}
	}
	<-p.done
	out := p.out.String()
	re := &RunError{Kind: FailureCrash, Message: l.Say(phStopped, when)}
	switch {
	case strings.Contains(out, "out of memory") || strings.Contains(out, "cannot allocate memory"):
		re.Kind, re.Message = FailureMemory, l.Say(phMemory, p.limits.Memory>>20, when)
	case strings.Contains(out, "stack exceeds") || strings.Contains(out, "stack overflow"):
		re.Message = l.Say(phStack, when)
	case strings.Contains(out, "panic: "):
		panicked := firstLine(out[strings.Index(out, "panic: "):])
		re.Message = l.Say(phPanicStop, when)
		re.Detail = oneLine(re.Message + ": " + panicked)
		if text := strings.TrimPrefix(panicked, "panic: "); goRuntimeError(strings.TrimSuffix(text, " [recovered]")) {
			re.Message = re.Detail
		}
	case strings.Contains(out, "fatal error: "):
		// Go's fatal errors are words; a line with anything else in it
		// may be the learner's own print.
		fatal := firstLine(out[strings.Index(out, "fatal error: "):])
		re.Detail = oneLine(l.Say(phRuntimeStop, when, fatal))
		if !fatalWords.MatchString(fatal) {
			fatal = "fatal error"
		}
		re.Message = l.Say(phRuntimeStop, when, fatal)
	case p.waitErr != nil:
		re.Message = l.Say(phEnded, when, p.waitErr)
		if out != "" { // staff only: it may hold the learner's own output
			re.Detail = oneLine(re.Message + ": " + truncate(out, 300))
		}
	}
	re.Message = oneLine(re.Message)
	return re
}

// fatalWords matches the Go runtime's fatal errors ("fatal error:
// concurrent map writes"): letters and a little punctuation, no numbers.
var fatalWords = regexp.MustCompile(`^fatal error: [a-zA-Z ,:'!-]{1,80}$`)

// oneLine collapses runs of white space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// RunError says why a learner program gave no answer.
type RunError struct {
	Kind    FailureKind
	Message string // for learners
	Detail  string // with the learner's own panic text: public checks and staff only
}

func (e *RunError) Error() string { return e.Message }

// kill ends the program, with everything it started, and closes the pipes.
func (p *process) kill() {
	p.sb.kill(p.cmd)
	p.calls.Close()
}

// stop ends the program and waits for it.
func (p *process) stop() {
	p.kill()
	<-p.done
}
