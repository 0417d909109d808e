//go:build !linux

package grader

import "syscall"

// sandboxAttr puts the learner program in its own process group, so a
// timeout kills every process it started. (Only Linux can also tie its life
// to the grader's; grade on Linux for the full sandbox.)
func sandboxAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
