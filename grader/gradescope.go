package grader

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
)

// GoVersion is the Go release setup.sh installs on Gradescope's image to
// compile learner code.
var GoVersion = strings.TrimPrefix(runtime.Version(), "go")

// setupScript runs once when Gradescope builds the autograder image: it
// installs Go (learner code is compiled at grading time) and warms the
// build cache so that each submission is graded in seconds.
func setupScript() string {
	return fmt.Sprintf(`#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
set -euo pipefail
GO_VERSION=%s
if ! command -v go >/dev/null || [ "$(go env GOVERSION)" != "go$GO_VERSION" ]; then
	apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
	curl -fsSL "https://go.dev/dl/go$GO_VERSION.linux-amd64.tar.gz" | tar -C /usr/local -xz
fi
export PATH=/usr/local/go/bin:$PATH
chmod +x /autograder/source/grader /autograder/source/run_autograder
/autograder/source/grader warmup
`, GoVersion)
}

// runScript is what Gradescope runs for each submission. AUTOGRADER_ROOT
// (default /autograder) lets a test run it against a local directory laid
// out like Gradescope's: source/, submission/ and results/ below the root.
const runScript = `#!/usr/bin/env bash
# Gradescope runs this for every submission; it must write results/results.json.
set -u
ROOT="${AUTOGRADER_ROOT:-/autograder}"
export PATH=/usr/local/go/bin:$PATH
mkdir -p "$ROOT/results"
"$ROOT/source/grader" grade -gradescope "$ROOT/results/results.json" "$ROOT/submission" ||
	printf '{"score": 0, "output": "The autograder failed; please contact the course staff."}\n' > "$ROOT/results/results.json"
`

// WriteAutograder writes Gradescope's autograder zip: setup.sh,
// run_autograder and the grader binary at binaryPath (built for linux/amd64;
// it carries the hidden tests and solutions compiled in, never as source).
func WriteAutograder(w io.Writer, binaryPath string) error {
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
	return GradeSource(context.Background(), src, Options{Exercises: []string{"RMSE"}})
}
