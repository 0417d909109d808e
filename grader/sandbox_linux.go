package grader

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// useBubblewrap selects bubblewrap if bwrap and prlimit are installed and a
// sandbox really starts here (user namespaces can be disabled by the
// kernel, AppArmor or a container's seccomp profile).
func (s *sandbox) useBubblewrap() error {
	bwrap, err := exec.LookPath("bwrap")
	if err != nil {
		return errors.New("bubblewrap (bwrap) is not installed")
	}
	if _, err := exec.LookPath("prlimit"); err != nil {
		return errors.New("prlimit (util-linux) is not installed")
	}
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		return fmt.Errorf("no seccomp filter for %s", runtime.GOARCH)
	}
	s.isolation, s.bwrap = IsolationBubblewrap, bwrap
	if os.Geteuid() == 0 {
		// The probe's uid; each grading takes one of its own (acquire).
		s.uid, s.gid = uidPoolBase, uidPoolBase
	}
	// The probe runs go version under the run step's profile.
	cmd, cleanup, err := s.command(filepath.Join(s.goroot, "bin", "go"), []string{"version"}, []string{"GOROOT=" + s.goroot},
		runLimits(Limits{}.withDefaults()), nil, []string{s.goroot})
	if err == nil {
		var out []byte
		out, err = cmd.CombinedOutput()
		cleanup()
		if err != nil {
			err = fmt.Errorf("%v: %s", err, bytes.TrimSpace(out))
		}
	}
	if err != nil {
		s.isolation, s.bwrap, s.uid, s.gid = "", "", -1, -1
		return fmt.Errorf("bubblewrap cannot start a sandbox here (are unprivileged user namespaces disabled?): %v", err)
	}
	return nil
}

// useDedicatedUser selects IsolationUser: root and LearnerUser are needed.
func (s *sandbox) useDedicatedUser() error {
	if os.Geteuid() != 0 {
		return fmt.Errorf("running learner code as the user %s needs the grader to run as root", LearnerUser)
	}
	for _, tool := range []string{"prlimit", "setpriv"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("%s (util-linux) is not installed", tool)
		}
	}
	u, err := lookupUser(LearnerUser)
	if err != nil {
		return fmt.Errorf("the user %s does not exist", LearnerUser)
	}
	if u[0] == 0 {
		return fmt.Errorf("the user %s is root", LearnerUser)
	}
	s.isolation, s.uid, s.gid = IsolationUser, u[0], u[1]
	return nil
}

func lookupUser(name string) ([2]int, error) {
	u, err := user.Lookup(name)
	if err != nil {
		return [2]int{}, err
	}
	uid, err1 := strconv.Atoi(u.Uid)
	gid, err2 := strconv.Atoi(u.Gid)
	if err := errors.Join(err1, err2); err != nil {
		return [2]int{}, err
	}
	return [2]int{uid, gid}, nil
}

// command builds the command that runs path with args as learner code under
// the sandbox and limits l. writable is the directory the step may write
// (the build directory; empty for the run step); readable lists the other
// host paths the step may read. Under bubblewrap nothing else of the host
// is visible: no /usr, no shell, no home, no grader files. extra files
// become descriptors 3, 4, ... of the step. cleanup releases what command
// opened once the step has started.
func (s *sandbox) command(path string, args, env []string, l stepLimits, extra []*os.File, readable []string, writable ...string) (st *step, cleanup func(), err error) {
	cleanup = func() {}
	st = &step{}
	if s.uid < 0 || os.Geteuid() != 0 {
		// Learner code runs as the grader's own user, whose other
		// processes count against the limit too.
		l.procs += tasksOf(os.Geteuid())
	}
	argv := append(l.prlimitArgs(), path)
	argv = append(argv, args...)
	if s.isolation == IsolationBubblewrap {
		filter, err := seccompFilter()
		if err != nil {
			return nil, nil, err
		}
		r, w, err := os.Pipe()
		if err != nil {
			return nil, nil, err
		}
		go func() { w.Write(filter); w.Close() }()
		// bwrap tells on --info-fd the PID of the sandbox's first process,
		// through which kill ends the whole namespace.
		ir, iw, err := os.Pipe()
		if err != nil {
			r.Close()
			return nil, nil, err
		}
		st.child = make(chan int, 1)
		go readChildPID(ir, st.child)
		extra = append(extra, r, iw)
		cleanup = func() { r.Close(); iw.Close() }
		// Writable: the private /tmp (sized), a 1 MiB /dev/shm and the
		// build directory; the root and /dev are remounted read-only.
		wrap := []string{s.bwrap,
			"--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
			"--disable-userns", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
			"--size", strconv.FormatInt(l.tmp, 10), "--tmpfs", "/tmp",
			"--dev", "/dev", "--size", "1048576", "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
			"--proc", "/proc", "--clearenv"}
		for _, p := range readable {
			wrap = append(wrap, "--ro-bind", p, p)
		}
		workdir := "/tmp"
		for _, p := range writable {
			wrap = append(wrap, "--bind", p, p)
			workdir = p
		}
		wrap = append(wrap, "--remount-ro", "/", "--chdir", workdir)
		for _, kv := range env {
			k, v, _ := strings.Cut(kv, "=")
			wrap = append(wrap, "--setenv", k, v)
		}
		wrap = append(wrap, "--seccomp", strconv.Itoa(1+len(extra)), "--info-fd", strconv.Itoa(2+len(extra)), "--")
		// prlimit goes first: the limits hold for bwrap and all it starts.
		argv = append(append(l.prlimitArgs(), wrap...), append([]string{path}, args...)...)
		env = nil
	}
	if s.isolation == IsolationUser {
		// No way to gain privileges through a setuid program.
		// By its path: the step's environment has no PATH.
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			return nil, nil, err
		}
		argv = append(append(l.prlimitArgs(), setpriv, "--no-new-privs", "--"), argv[len(l.prlimitArgs()):]...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Path, _ = exec.LookPath(argv[0])
	cmd.Env = env
	if cmd.Env == nil {
		cmd.Env = []string{}
	}
	cmd.ExtraFiles = extra
	// A process that keeps the output pipes open after the step ends (a
	// child in its own session, under IsolationUser) cannot hold Wait.
	cmd.WaitDelay = 2 * time.Second
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if s.uid >= 0 && os.Geteuid() == 0 {
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(s.uid), Gid: uint32(s.gid), Groups: []uint32{}}
	}
	cmd.Dir = "/" // never the grader's own working directory
	if len(writable) > 0 {
		cmd.Dir = writable[0]
	}
	st.Cmd = cmd
	return st, cleanup, nil
}

// readChildPID reads bwrap's info ({"child-pid": N, ...}) and sends N, or
// 0 if bwrap wrote none.
func readChildPID(r *os.File, child chan<- int) {
	defer r.Close()
	var info struct {
		ChildPID int `json:"child-pid"`
	}
	data, _ := io.ReadAll(io.LimitReader(r, 4096))
	json.Unmarshal(data, &info)
	child <- info.ChildPID
}

// own gives the learner's uid the directory dir (the build directory),
// so that a step running as that uid can write there.
func (s *sandbox) own(dir string) error {
	if s.uid < 0 || os.Geteuid() != 0 {
		return nil
	}
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, s.uid, s.gid)
	})
}

// kill ends a step with everything it started. Under bubblewrap it kills
// the sandbox's first process and waits until that process is dead: the
// kernel kills every other process of the PID namespace and lets its first
// process finish dying only once they are all gone, so when kill returns
// no learner process is left. Then (and otherwise) it kills the step's
// process group.
func (s *sandbox) kill(st *step) {
	if st.Process == nil {
		return
	}
	if pid := st.childPID(); pid > 0 {
		syscall.Kill(pid, syscall.SIGKILL)
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && alive(pid); {
			time.Sleep(2 * time.Millisecond)
		}
	}
	syscall.Kill(-st.Process.Pid, syscall.SIGKILL)
	st.Process.Kill()
	if s.isolation == IsolationUser {
		s.reap() // learner code can leave its process group
	}
}

// alive reports whether pid is a process that has not finished dying (a
// zombie has: only its exit status is left).
func alive(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// The state follows the command name, which is in parentheses.
	i := bytes.LastIndexByte(stat, ')')
	return i < 0 || i+2 >= len(stat) || (stat[i+2] != 'Z' && stat[i+2] != 'X')
}

// reap kills every process left by learner code, under IsolationUser every
// process of the learner's user (learner code can leave its process group),
// and removes what that user left in the shared temporary directories.
// It returns once no process is left, or after a few seconds with an error.
func (s *sandbox) reap() error {
	if s.isolation != IsolationUser {
		return nil
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		pids := processesOf(s.uid)
		if len(pids) == 0 {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("processes %v of user %s survive SIGKILL", pids, LearnerUser)
		}
		for _, pid := range pids {
			syscall.Kill(pid, syscall.SIGKILL)
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, dir := range []string{os.TempDir(), "/tmp", "/var/tmp", "/dev/shm"} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if p == s.keep {
				continue // the grading's own directory, removed when it ends
			}
			if info, err := os.Lstat(p); err == nil {
				if st, ok := info.Sys().(*syscall.Stat_t); ok && int(st.Uid) == s.uid {
					os.RemoveAll(p)
				}
			}
		}
	}
	return nil
}

// tasksOf counts the threads of every process of uid, as RLIMIT_NPROC does.
func tasksOf(uid int) int {
	n := 0
	for _, pid := range processesOf(uid) {
		tasks, _ := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
		n += len(tasks)
	}
	return n
}

// processesOf lists the processes whose real or effective uid is uid.
func processesOf(uid int) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		status, err := os.ReadFile(filepath.Join("/proc", e.Name(), "status"))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(status), "\n") {
			if f := strings.Fields(line); len(f) >= 3 && f[0] == "Uid:" {
				if f[1] == strconv.Itoa(uid) || f[2] == strconv.Itoa(uid) {
					pids = append(pids, pid)
				}
				break
			}
		}
	}
	return pids
}

// Seccomp: a classic BPF program that bwrap installs (with no_new_privs)
// just before it starts the step. It allows what Go programs and the Go
// toolchain use and refuses, with EPERM, the system calls that reach the
// kernel's riskier corners or out of the sandbox: debugging other processes,
// mounting, new namespaces, kernel modules and kexec, BPF, keyrings, perf,
// io_uring (which would bypass this filter), sockets. A call from another
// architecture's ABI kills the process.

const (
	bpfLD   = 0x00 | 0x00 | 0x20 // BPF_LD | BPF_W | BPF_ABS
	bpfJEQ  = 0x05 | 0x10 | 0x00 // BPF_JMP | BPF_JEQ | BPF_K
	bpfJGE  = 0x05 | 0x30 | 0x00 // BPF_JMP | BPF_JGE | BPF_K
	bpfJSET = 0x05 | 0x40 | 0x00 // BPF_JMP | BPF_JSET | BPF_K
	bpfRET  = 0x06               // BPF_RET | BPF_K

	retAllow  = 0x7fff0000 // SECCOMP_RET_ALLOW
	retKill   = 0x80000000 // SECCOMP_RET_KILL_PROCESS
	retErrno  = 0x00050000 // SECCOMP_RET_ERRNO
	x32Bit    = 0x40000000
	nsFlags   = unix.CLONE_NEWNS | unix.CLONE_NEWUSER | unix.CLONE_NEWPID | unix.CLONE_NEWNET | unix.CLONE_NEWIPC | unix.CLONE_NEWUTS | unix.CLONE_NEWCGROUP
	offNr     = 0
	offArch   = 4
	offArg0Lo = 16
)

// refusedSyscalls are answered with EPERM.
var refusedSyscalls = []uintptr{
	unix.SYS_PTRACE, unix.SYS_PROCESS_VM_READV, unix.SYS_PROCESS_VM_WRITEV, unix.SYS_KCMP,
	unix.SYS_MOUNT, unix.SYS_UMOUNT2, unix.SYS_PIVOT_ROOT, unix.SYS_CHROOT,
	unix.SYS_OPEN_TREE, unix.SYS_MOVE_MOUNT, unix.SYS_FSOPEN, unix.SYS_FSCONFIG, unix.SYS_FSMOUNT, unix.SYS_FSPICK, unix.SYS_MOUNT_SETATTR,
	unix.SYS_UNSHARE, unix.SYS_SETNS,
	unix.SYS_KEXEC_LOAD, unix.SYS_KEXEC_FILE_LOAD, unix.SYS_INIT_MODULE, unix.SYS_FINIT_MODULE, unix.SYS_DELETE_MODULE,
	unix.SYS_BPF, unix.SYS_KEYCTL, unix.SYS_ADD_KEY, unix.SYS_REQUEST_KEY, unix.SYS_PERF_EVENT_OPEN,
	unix.SYS_USERFAULTFD, unix.SYS_OPEN_BY_HANDLE_AT, unix.SYS_NAME_TO_HANDLE_AT,
	unix.SYS_IO_URING_SETUP, unix.SYS_IO_URING_ENTER, unix.SYS_IO_URING_REGISTER,
	unix.SYS_SWAPON, unix.SYS_SWAPOFF, unix.SYS_REBOOT, unix.SYS_ACCT, unix.SYS_QUOTACTL,
	unix.SYS_SETTIMEOFDAY, unix.SYS_CLOCK_SETTIME, unix.SYS_ADJTIMEX, unix.SYS_CLOCK_ADJTIME,
	unix.SYS_SYSLOG, unix.SYS_VHANGUP, unix.SYS_PERSONALITY,
	unix.SYS_SOCKET, unix.SYS_SOCKETPAIR,
}

// seccompFilter returns the filter as bwrap reads it: an array of struct
// sock_filter in native byte order.
func seccompFilter() ([]byte, error) {
	var arch uint32
	switch runtime.GOARCH {
	case "amd64":
		arch = unix.AUDIT_ARCH_X86_64
	case "arm64":
		arch = unix.AUDIT_ARCH_AARCH64
	default:
		return nil, fmt.Errorf("no seccomp filter for %s", runtime.GOARCH)
	}
	type insn struct {
		code   uint16
		jt, jf uint8
		k      uint32
	}
	// The program's tail is fixed: ..., allow, check clone flags, refuse,
	// enosys, kill. Jumps are counted from the next instruction, so each
	// test computes its distance to those labels.
	var prog []insn
	refused := refusedSyscalls
	// Layout: 0 ld arch; 1 jeq arch; 2 ld nr; [3 jge x32 on amd64];
	// one jeq per refused call; jeq clone; jeq clone3; allow; clone check
	// (ld arg0; jset; allow); refuse; enosys; kill.
	n := len(refused)
	head := 3
	if runtime.GOARCH == "amd64" {
		head = 4
	}
	tests := n + 2 // refused calls, clone, clone3
	allow := head + tests
	cloneCheck := allow + 1
	refuse := cloneCheck + 3
	enosys := refuse + 1
	kill := enosys + 1
	jump := func(from, to int) uint8 {
		d := to - from - 1
		if d < 0 || d > 255 {
			panic("grader: seccomp jump out of range")
		}
		return uint8(d)
	}
	prog = append(prog, insn{bpfLD, 0, 0, offArch})
	prog = append(prog, insn{bpfJEQ, 0, jump(1, kill), arch})
	prog = append(prog, insn{bpfLD, 0, 0, offNr})
	if runtime.GOARCH == "amd64" {
		prog = append(prog, insn{bpfJGE, jump(3, kill), 0, x32Bit})
	}
	for _, nr := range refused {
		i := len(prog)
		prog = append(prog, insn{bpfJEQ, jump(i, refuse), 0, uint32(nr)})
	}
	i := len(prog)
	prog = append(prog, insn{bpfJEQ, jump(i, cloneCheck), 0, uint32(unix.SYS_CLONE)})
	i = len(prog)
	prog = append(prog, insn{bpfJEQ, jump(i, enosys), 0, uint32(unix.SYS_CLONE3)}) // Go falls back to clone
	prog = append(prog, insn{bpfRET, 0, 0, retAllow})
	// clone's flags are its first argument on both architectures.
	prog = append(prog, insn{bpfLD, 0, 0, offArg0Lo})
	i = len(prog)
	prog = append(prog, insn{bpfJSET, jump(i, refuse), 0, uint32(nsFlags)})
	prog = append(prog, insn{bpfRET, 0, 0, retAllow})
	prog = append(prog, insn{bpfRET, 0, 0, retErrno | uint32(syscall.EPERM)})
	prog = append(prog, insn{bpfRET, 0, 0, retErrno | uint32(syscall.ENOSYS)})
	prog = append(prog, insn{bpfRET, 0, 0, retKill})
	if len(prog) != kill+1 {
		panic("grader: seccomp program layout")
	}
	var b bytes.Buffer
	for _, in := range prog {
		binary.Write(&b, binary.NativeEndian, in)
	}
	return b.Bytes(), nil
}

// closeInheritedOnExec marks every file descriptor above standard error
// close-on-exec. Go opens its own that way, but a descriptor the grader
// inherited (a results file a wrapper script left open, a log) would
// otherwise reach learner code through exec, bwrap and all.
func closeInheritedOnExec() {
	if err := unix.CloseRange(3, ^uint(0), unix.CLOSE_RANGE_CLOEXEC); err == nil {
		return
	}
	entries, _ := os.ReadDir("/proc/self/fd") // kernels before 5.11
	for _, e := range entries {
		if fd, err := strconv.Atoi(e.Name()); err == nil && fd > 2 {
			syscall.CloseOnExec(fd)
		}
	}
}
