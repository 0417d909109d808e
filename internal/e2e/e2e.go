// Package e2e holds what the end-to-end tests (real Jupyter, the real GoNB
// kernel, real Chromium) share: the rule for a missing tool and a free
// local port.
//
// A test whose tool is missing is skipped, so `go test ./...` works on a
// machine without Jupyter or Chromium; `make test` sets BACKPROP_E2E=1, and
// there a missing tool fails the test instead, so CI cannot pass by
// skipping.
package e2e

import (
	"net"
	"os"
	"testing"
)

// Env names the environment variable that makes missing tools a failure.
const Env = "BACKPROP_E2E"

// Required reports whether end-to-end tools must be present.
func Required() bool { return os.Getenv(Env) == "1" }

// Missing skips t because tool is unavailable (err says why), or fails it
// when Required.
func Missing(t testing.TB, tool string, err error) {
	t.Helper()
	if Required() {
		t.Fatalf("%s is needed (%s=1): %v; run `make setup-test`", tool, Env, err)
	}
	t.Skipf("%s not available (%v); `make test` runs this test (%s=1)", tool, err, Env)
}

// FreePort returns a TCP port on 127.0.0.1 that nothing listens on.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
