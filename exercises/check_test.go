// The public checks, run against your code:
//
//	go test ./exercises                    every exercise
//	go test ./exercises -run 'TestMSE$'    one exercise
//	make exercises                         every exercise, even when one does not compile,
//	                                       and a last line that counts those done
//
// A check that fails prints its inputs, what came back, what was wanted
// and the exercise's hint (in Bahasa Indonesia with BACKPROP_LANG=id).
package exercises_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// done and checked count the exercises whose checks ran, and passed, for
// the last line.
var done, checked int

// check runs the public checks of one exercise against your function. It
// takes the function as a value of type any, so a function with a wrong
// signature fails its own checks (the message gives both types) instead of
// keeping the whole package from compiling.
func check(t *testing.T, name string, fn any) {
	t.Helper()
	rep := checks.Run(name, fn)
	checked++
	if rep.Passed() {
		done++
	}
	rep.Test(t)
}

// TestMain ends the run with the count of exercises done. With
// EXERCISES_SUMMARY set it writes that line to the file it names instead,
// for `make exercises` to print after everything go test prints.
func TestMain(m *testing.M) {
	code := m.Run()
	if checked > 0 {
		line := fmt.Sprintf("%d of %d exercises done\n", done, len(checks.Exercises()))
		if all := len(checks.Exercises()); checked < all { // go test -run picked some
			line = fmt.Sprintf("%d of the %d exercises checked are done (%d exercises in all)\n", done, checked, all)
		}
		if path := os.Getenv("EXERCISES_SUMMARY"); path != "" {
			_ = os.WriteFile(path, []byte(line), 0o644)
		} else {
			fmt.Print(line)
		}
	}
	os.Exit(code)
}
