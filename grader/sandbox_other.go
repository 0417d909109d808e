//go:build !linux

package grader

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// Only Linux has the namespaces, seccomp and prlimit the sandbox is made of.

func (s *sandbox) useBubblewrap() error {
	return errors.New("bubblewrap needs Linux; grade on a Linux machine")
}

func (s *sandbox) useDedicatedUser() error {
	return errors.New("the dedicated-user sandbox needs Linux; grade on a Linux machine")
}

func (s *sandbox) command(path string, args, env []string, l stepLimits, extra []*os.File, readable []string, writable ...string) (*step, func(), error) {
	cmd := exec.Command(path, args...)
	cmd.Env = env
	cmd.ExtraFiles = extra
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if len(writable) > 0 {
		cmd.Dir = writable[0]
	}
	return &step{Cmd: cmd}, func() {}, nil
}

func (s *sandbox) own(dir string) error { return nil }

func (s *sandbox) kill(st *step) {
	if st.Process != nil {
		syscall.Kill(-st.Process.Pid, syscall.SIGKILL)
		st.Process.Kill()
	}
}

func (s *sandbox) reap() error { return nil }

func closeInheritedOnExec() {}
