package grader

import (
	"archive/zip"
	"context"
	"debug/elf"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// GoVersion is the Go release setup.sh installs on Gradescope's image to
// compile learner code.
var GoVersion = strings.TrimPrefix(runtime.Version(), "go")

// setupScript runs once when Gradescope builds the autograder image, as
// root. It is idempotent: an installed Go of the right version, bubblewrap
// and the learner's user are kept. It installs Go (learner code is compiled
// at grading time), bubblewrap (used where the container allows user
// namespaces), creates the unprivileged user that runs learner code where
// it does not, hides the grader (which holds the solutions) from that user,
// and warms the build cache so that each submission is graded in seconds.
func setupScript() string {
	return fmt.Sprintf(`#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
# Running it again changes nothing that is already in place.
set -euo pipefail
GO_VERSION=%s
LEARNER=%s
export PATH=/usr/local/go/bin:$PATH
apt_updated=0
apt_install() {
	[ $apt_updated = 1 ] || { apt-get update -qq; apt_updated=1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}
if ! command -v go >/dev/null || [ "$(go env GOVERSION)" != "go$GO_VERSION" ]; then
	apt_install ca-certificates curl
	rm -rf /usr/local/go
	curl -fsSL "https://go.dev/dl/go$GO_VERSION.linux-amd64.tar.gz" | tar -C /usr/local -xz
fi
command -v prlimit >/dev/null || apt_install util-linux
if ! command -v bwrap >/dev/null; then
	apt_install bubblewrap || echo "setup: bubblewrap is not available: learner code will run as the user $LEARNER"
fi
id -u "$LEARNER" >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$LEARNER"
chmod 0700 /autograder/source
chmod 0755 /autograder/source/grader /autograder/source/run_autograder
/autograder/source/grader warmup
`, GoVersion, LearnerUser)
}

// runScript is what Gradescope runs for each submission. AUTOGRADER_ROOT
// (default /autograder) lets a test run it against a local directory laid
// out like Gradescope's: source/, submission/ and results/ below the root.
// The grader writes results.json only once no learner process is left;
// the grader's files and results/ are root's alone.
const runScript = `#!/usr/bin/env bash
# Gradescope runs this for every submission; it must write results/results.json.
set -u
ROOT="${AUTOGRADER_ROOT:-/autograder}"
export PATH=/usr/local/go/bin:$PATH
mkdir -p "$ROOT/results"
chmod 0700 "$ROOT/source" "$ROOT/results"
"$ROOT/source/grader" grade -gradescope "$ROOT/results/results.json" "$ROOT/submission" ||
	printf '{"score": 0, "output": "The autograder failed; please contact the course staff."}\n' > "$ROOT/results/results.json"
`

// WriteAutograder writes Gradescope's autograder zip: setup.sh,
// run_autograder and the grader binary at binaryPath, which carries the
// hidden tests and solutions compiled in, never as source. Gradescope runs
// it on its own linux/amd64 images, so anything but a static linux/amd64
// executable is refused (BuildGraderForGradescope builds one).
func WriteAutograder(w io.Writer, binaryPath string) error {
	if err := checkGradescopeBinary(binaryPath); err != nil {
		return err
	}
	bin, err := os.ReadFile(binaryPath)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"setup.sh", []byte(setupScript())},
		{"run_autograder", []byte(runScript)},
		{"grader", bin},
	} {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate}
		h.SetMode(0o755)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// checkGradescopeBinary refuses a grader that would not start on
// Gradescope: another OS or architecture, or one linked against the
// staff machine's C library.
func checkGradescopeBinary(path string) error {
	const how = "build it with CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build ./cmd/grader (make gradescope does)"
	f, err := elf.Open(path)
	if err != nil {
		return fmt.Errorf("the Gradescope grader %s is not a Linux executable (%v): %s", path, err, how)
	}
	defer f.Close()
	if f.Machine != elf.EM_X86_64 || f.Class != elf.ELFCLASS64 {
		return fmt.Errorf("the Gradescope grader %s is built for %v, not amd64: %s", path, f.Machine, how)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return fmt.Errorf("the Gradescope grader %s is dynamically linked (it would need this machine's C library): %s", path, how)
		}
	}
	return nil
}

// BuildGraderForGradescope builds cmd/grader of the course repository at
// repo as a static linux/amd64 executable at out, whatever this machine is.
func BuildGraderForGradescope(repo, out string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, "./cmd/grader")
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH=amd64")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the grader for Gradescope: %v\n%s", err, b)
	}
	return checkGradescopeBinary(out)
}

// warmupSource is a small submission whose build fills the Go build cache
// with everything a learner program needs (the standard library packages
// and the protocol).
const warmupSource = `package exercises

import (
	"fmt"
	"math"
	"sort"
)

func RMSE(pred, target []float64) float64 {
	s := 0.0
	for i := range pred {
		s += (pred[i] - target[i]) * (pred[i] - target[i])
	}
	_ = sort.Float64s
	_ = fmt.Sprint
	return math.Sqrt(s / float64(len(pred)))
}
`

// Warmup grades a small built-in submission, which fills the build cache;
// it returns the report so a caller can check that grading works at all.
func Warmup() (*Report, error) {
	src := &Source{Files: map[string][]byte{"rmse.go": []byte(warmupSource)}, Origin: "warm-up"}
	return GradeSource(context.Background(), src, Options{Exercises: []string{"RMSE"}, Staff: true})
}
