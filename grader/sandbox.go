package grader

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Isolation names how learner code is kept from the machine that grades it.
// Every report says which one was used.
type Isolation string

const (
	// IsolationAuto picks bubblewrap when it can start, else a dedicated
	// user when the grader runs as root and that user exists, else refuses
	// to grade.
	IsolationAuto Isolation = ""
	// IsolationBubblewrap compiles and runs learner code in bubblewrap:
	// new user, PID, network, IPC and UTS namespaces, a read-only
	// filesystem holding only what the step needs, a private tmpfs, a
	// seccomp filter, resource limits and, when the grader is root, an
	// unprivileged uid. See sandbox_linux.go.
	IsolationBubblewrap Isolation = "bubblewrap"
	// IsolationUser runs learner code as a dedicated unprivileged user with
	// the same resource limits, and kills every process of that user before
	// results are written: Gradescope's recommendation for containers that
	// refuse user namespaces. It needs root and the user (setup.sh creates
	// it).
	IsolationUser Isolation = "dedicated user"
	// IsolationNone runs learner code as the grader's own user, with
	// resource limits only: for an instructor testing trusted code.
	IsolationNone Isolation = "none"
)

// LearnerUser is the account that IsolationUser runs learner code as.
// Gradescope's setup.sh creates it.
const LearnerUser = "grader-learner"

// uidPoolBase is the first of the uids that bubblewrap sandboxes run as
// when the grader is root: each grading takes one of its own (acquire), so
// that no submission's processes count against another's limits, and no
// other process on the machine (nobody's daemons) shares it.
const uidPoolBase = 1_900_000_000

var uidPool struct {
	sync.Mutex
	used map[int]bool
}

// acquire returns the sandbox for one grading, a copy of s: under
// bubblewrap as root with a uid of its own, and the function that gives it
// back.
func (s *sandbox) acquire() (*sandbox, func()) {
	if s.isolation != IsolationBubblewrap || os.Geteuid() != 0 {
		c := *s
		return &c, func() {}
	}
	uidPool.Lock()
	defer uidPool.Unlock()
	if uidPool.used == nil {
		uidPool.used = map[int]bool{}
	}
	uid := uidPoolBase + 1
	for uidPool.used[uid] {
		uid++
	}
	uidPool.used[uid] = true
	c := *s
	c.uid, c.gid = uid, uid
	return &c, func() {
		uidPool.Lock()
		delete(uidPool.used, uid)
		uidPool.Unlock()
	}
}

// sandbox starts the two steps that handle learner code, the compiler and
// the compiled program, under one isolation.
type sandbox struct {
	isolation Isolation
	bwrap     string // path of bwrap, for IsolationBubblewrap
	// uid and gid the learner's processes run as; -1 keeps the grader's.
	uid, gid int
	goroot   string
	// keep is the grading's own directory, which reap leaves in place.
	keep string
	// cache is the Go build cache filled by the grader with trusted code
	// only (the standard library and the protocol); learner steps may read
	// it and never write it, so one submission cannot plant compiled code
	// in another's program.
	cache string
}

var (
	sandboxMu    sync.Mutex
	sandboxCache = map[Isolation]*sandbox{}
)

// newSandbox returns the sandbox for the wanted isolation, checking once
// per process that it can start. The error says what to install or enable.
func newSandbox(want Isolation) (*sandbox, error) {
	sandboxMu.Lock()
	defer sandboxMu.Unlock()
	if s := sandboxCache[want]; s != nil {
		return s, nil
	}
	closeInheritedOnExec()
	goBin, err := exec.LookPath("go")
	if err != nil {
		return nil, errors.New("the Go toolchain (go) is not on PATH: the grader compiles learner code with it")
	}
	goroot, err := filepath.EvalSymlinks(filepath.Dir(filepath.Dir(goBin)))
	if err != nil {
		return nil, err
	}
	s := &sandbox{uid: -1, gid: -1, goroot: goroot}
	if s.cache, err = trustedCacheDir(); err != nil {
		return nil, err
	}
	switch want {
	case IsolationNone:
		s.isolation = IsolationNone
	case IsolationBubblewrap, IsolationUser, IsolationAuto:
		var why []string
		if want != IsolationUser {
			err := s.useBubblewrap()
			if err == nil {
				break
			}
			why = append(why, err.Error())
		}
		if s.isolation == "" && want != IsolationBubblewrap {
			err := s.useDedicatedUser()
			if err == nil {
				break
			}
			why = append(why, err.Error())
		}
		if s.isolation == "" {
			return nil, fmt.Errorf("no sandbox can start on this machine, so learner code is not run:\n  - %s\n"+
				"Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) and allow unprivileged user namespaces "+
				"(sysctl kernel.unprivileged_userns_clone=1, and on Ubuntu 24.04 or later kernel.apparmor_restrict_unprivileged_userns=0), "+
				"or grade as root with the user %s (useradd --system --no-create-home %s). "+
				"To grade trusted code without a sandbox, pass --no-sandbox.", strings.Join(why, "\n  - "), LearnerUser, LearnerUser)
		}
	default:
		return nil, fmt.Errorf("unknown isolation %q", want)
	}
	if err := s.warm(); err != nil {
		return nil, err
	}
	sandboxCache[want] = s
	return s, nil
}

// step is one command of learner code: the compiler or the program.
type step struct {
	*exec.Cmd
	// child delivers, under bubblewrap, the PID of the sandbox's first
	// process (0 if unknown); pid caches it.
	child chan int
	once  sync.Once
	pid   int
}

// childPID returns the PID of the sandbox's first process, waiting for
// bwrap to tell it (at most a second), or 0.
func (st *step) childPID() int {
	st.once.Do(func() {
		if st.child == nil {
			return
		}
		select {
		case st.pid = <-st.child:
		case <-time.After(time.Second):
		}
	})
	return st.pid
}

// stepLimits bound one step of learner code.
type stepLimits struct {
	wall   time.Duration // enforced by the caller
	cpu    time.Duration
	memory int64 // address space, bytes
	procs  int   // tasks (processes and threads) of the learner's uid
	files  int   // open files
	fsize  int64 // largest file written, bytes
	tmp    int64 // size of the private /tmp, bytes
}

// prlimitArgs runs the rest of the command line under the limits.
func (l stepLimits) prlimitArgs() []string {
	return []string{"prlimit",
		fmt.Sprintf("--as=%d", l.memory),
		fmt.Sprintf("--cpu=%d", int(l.cpu/time.Second)+1),
		fmt.Sprintf("--nproc=%d", l.procs),
		fmt.Sprintf("--nofile=%d", l.files),
		fmt.Sprintf("--fsize=%d", l.fsize),
		"--core=0", "--"}
}

// compileLimits bound go build. A generic-instantiation bomb, or any other
// source that makes the compiler work for minutes or eat gigabytes, fails
// the submission's build instead of stalling the class.
func compileLimits(l Limits) stepLimits {
	return stepLimits{wall: l.Compile, cpu: l.Compile, memory: 4 << 30, procs: 4096, files: 1024,
		fsize: 256 << 20, tmp: 512 << 20}
}

// runLimits bound the learner program.
func runLimits(l Limits) stepLimits {
	return stepLimits{wall: l.Time + l.Startup, cpu: l.Time + l.Startup, memory: l.Memory, procs: 4096, files: 64,
		fsize: 1 << 20, tmp: 16 << 20}
}

// buildEnv is the environment of go build: offline, no cgo, no workspace,
// the trusted cache, nothing of the grader's own environment. Go's package
// index is off: with it, a package whose index entry the read-only cache
// lacks is reported "not in std" instead of being read from GOROOT.
func buildEnv(goroot, home, cache string) []string {
	return []string{
		"PATH=" + filepath.Join(goroot, "bin"), "HOME=" + home, "GOROOT=" + goroot,
		"GOCACHE=" + cache, "GOPATH=" + filepath.Join(home, "gopath"), "GOTMPDIR=", "TMPDIR=" + home,
		"GOFLAGS=-mod=mod -trimpath", "GOPROXY=off", "GOWORK=off", "CGO_ENABLED=0", "GOTOOLCHAIN=local",
		"GO111MODULE=on", "GOENV=off", "GOTELEMETRY=off", "GOAMD64=v1", "GODEBUG=goindex=0",
	}
}

// runEnv is the environment of the learner program.
func runEnv(l Limits) []string {
	return []string{"GOMAXPROCS=1", fmt.Sprintf("GOMEMLIMIT=%d", l.Memory/4), "GOTRACEBACK=single"}
}

// trustedCacheDir is where the grader keeps its build cache: a system
// directory when it runs as root (readable by the learner's uid, writable
// only by root), the user's cache directory otherwise.
func trustedCacheDir() (string, error) {
	base := "/var/cache"
	if os.Geteuid() != 0 {
		var err error
		if base, err = os.UserCacheDir(); err != nil {
			return "", err
		}
	}
	dir := filepath.Join(base, "backprop-grader", "go-build")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	os.Chmod(filepath.Dir(dir), 0o755)
	return dir, nil
}

// warm fills the trusted build cache by compiling, outside any sandbox, a
// program made of trusted code only: the generated main, the protocol and a
// package that imports every allowed standard package. Learner builds then
// find all of it in the cache, which they can read but not write.
func (s *sandbox) warm() error {
	dir, err := os.MkdirTemp("", "grader-warm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var imports strings.Builder
	for _, p := range AllowedImports {
		fmt.Fprintf(&imports, "\t_ %q\n", p)
	}
	files := learnerModuleFiles()
	files["exercises/imports.go"] = []byte("package exercises\n\nimport (\n" + imports.String() + ")\n")
	if err := writeTree(dir, files); err != nil {
		return err
	}
	home := filepath.Join(dir, ".home")
	os.Mkdir(home, 0o700)
	cmd := exec.Command(filepath.Join(s.goroot, "bin", "go"), "build", "-o", filepath.Join(dir, "learner-program"), ".")
	cmd.Dir, cmd.Env = dir, buildEnv(s.goroot, home, s.cache)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("filling the grader's build cache %s: %v\n%s", s.cache, err, out)
	}
	// Readable by the learner's uid, whatever the umask was.
	return filepath.WalkDir(s.cache, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(p, mode)
	})
}

// cacheFor returns the build cache for a build in dir. Bubblewrap mounts
// the trusted cache read-only, which go build accepts; a cache it may not
// write for lack of permission it does not (Go 1.26 then fails to find the
// standard library), so under IsolationUser each build gets its own copy,
// which the learner's uid may write.
func (s *sandbox) cacheFor(dir string) (string, error) {
	if s.isolation != IsolationUser {
		return s.cache, nil
	}
	dst := filepath.Join(dir, ".gocache")
	return dst, os.CopyFS(dst, os.DirFS(s.cache))
}

// writeTree writes files (slash-separated paths) under dir.
func writeTree(dir string, files map[string][]byte) error {
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
