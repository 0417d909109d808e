// Command payload is what learner code could run once a data race has
// given it arbitrary system calls. The grader's tests run it inside the
// sandbox's profiles (TestSandboxContainsPayload): every line it prints
// must say BLOCKED; a line saying ESCAPED is an attempt that succeeded.
//
// Usage: payload MARKER READABLE... (paths on the grading machine)
package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

func report(what string, err error) {
	if err != nil {
		fmt.Printf("BLOCKED %s: %v\n", what, err)
	} else {
		fmt.Printf("ESCAPED %s\n", what)
	}
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "child" {
		// Left behind: wait for the grader to finish, then forge a file.
		syscall.Setsid()
		time.Sleep(2 * time.Second)
		os.WriteFile(os.Args[2], []byte("escaped"), 0o644)
		return
	}
	marker, readable := os.Args[1], os.Args[2:]
	time.Sleep(400 * time.Millisecond) // let the test look at us from outside

	// What the kernel says of this process: no way to gain privileges, a
	// seccomp filter in force.
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "NoNewPrivs:") || strings.HasPrefix(line, "Seccomp:") {
				fmt.Println("STATUS", strings.Join(strings.Fields(line), " "))
			}
		}
	}

	if err := os.WriteFile(marker, []byte("escaped"), 0o644); err == nil {
		// Written inside the sandbox's own /tmp at most: the test checks
		// the grading machine's file system.
		fmt.Printf("wrote %s inside the sandbox\n", marker)
	} else {
		report("write "+marker, err)
	}
	for _, p := range readable {
		info, err := os.Stat(p)
		if err == nil && info.IsDir() {
			err = os.WriteFile(filepath.Join(p, "planted"), []byte("x"), 0o644)
			report("write into "+p, err)
			continue
		}
		_, err = os.ReadFile(p)
		report("read "+p, err)
	}
	// Memory outside the limits: files in the sandbox's own root, /dev
	// and /dev/shm (all tmpfs, which is memory).
	report("write /planted", os.WriteFile("/planted", []byte("x"), 0o644))
	report("write /dev/planted", os.WriteFile("/dev/planted", []byte("x"), 0o644))
	report("write 2 MiB into /dev/shm", os.WriteFile("/dev/shm/planted", make([]byte, 2<<20), 0o644))
	if goroot := os.Getenv("GOROOT"); goroot != "" {
		report("write into GOROOT", os.WriteFile(filepath.Join(goroot, "planted"), []byte("x"), 0o644))
	}
	for _, addr := range []string{"127.0.0.1:22", "1.1.1.1:53", "[::1]:80"} {
		c, err := net.DialTimeout("tcp", addr, 300*time.Millisecond)
		if c != nil {
			c.Close()
		}
		report("connect "+addr, err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if l != nil {
		l.Close()
	}
	report("listen", err)
	report("run a shell", exec.Command("/bin/sh", "-c", "true").Run())
	report("ptrace", syscall.PtraceAttach(1))
	report("new user namespace", syscall.Unshare(syscall.CLONE_NEWUSER))
	report("new mount namespace", syscall.Unshare(syscall.CLONE_NEWNS))
	report("mount", syscall.Mount("none", "/tmp", "tmpfs", 0, ""))
	report("become root", syscall.Setuid(0))
	_, _, errno := syscall.RawSyscall(unix.SYS_KEYCTL, 0, 0, 0)
	report("keyctl", errnoErr(errno))
	_, _, errno = syscall.RawSyscall(unix.SYS_BPF, 0, 0, 0)
	report("bpf", errnoErr(errno))

	// A process left behind, in its own session, detached from our
	// output, to outlive the grading.
	null, err := os.Open(os.DevNull)
	if err == nil {
		_, err = syscall.ForkExec("/proc/self/exe", []string{"payload", "child", marker}, &syscall.ProcAttr{
			Files: []uintptr{null.Fd(), null.Fd(), null.Fd()}, Sys: &syscall.SysProcAttr{Setsid: true}})
	}
	if err != nil {
		fmt.Printf("could not start the child: %v\n", err)
	}
	fmt.Println("payload done")
}

func errnoErr(e syscall.Errno) error {
	if e == 0 {
		return nil
	}
	return e
}
