package grader

import "syscall"

// sandboxAttr puts the learner program in its own process group (so a
// timeout kills every process it started) and has Linux kill it if the
// grader itself dies.
func sandboxAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
