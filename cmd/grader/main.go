// Command grader grades the course's exercises with hidden tests.
//
// Usage:
//
//	grader grade [flags] SUBMISSION        one learner: a directory, .zip, .tar.gz or .ipynb
//	grader class [flags] DIR               a whole class: every submission in DIR
//	grader gradescope -o autograder.zip    Gradescope's autograder zip (setup.sh, run_autograder)
//	grader release -o DIR [-repo ROOT]     the learner's copy of the course
//	grader warmup                          fill the Go build cache (setup.sh runs it)
//
// grade prints a table of scores with what failed, why, and a hint; -json
// and -gradescope also write the report as JSON or as Gradescope's
// results.json. class writes gradebook.csv, feedback/ and the instructor's
// report.html into -o. Run
// "grader COMMAND -h" for the flags of a command.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/deepdive-dl/backprop/grader"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "grade":
		err = gradeCmd(ctx, args)
	case "class":
		err = classCmd(ctx, args)
	case "gradescope":
		err = gradescopeCmd(args)
	case "release":
		err = releaseCmd(args)
	case "warmup":
		var rep *grader.Report
		if rep, err = grader.Warmup(); err == nil && rep.Score != rep.Max {
			err = fmt.Errorf("warm-up grading failed:\n%s", rep.Text())
		}
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "grader:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, `usage: grader grade|class|gradescope|release|warmup [flags] [args]
run "grader COMMAND -h" for the flags of a command`)
	os.Exit(2)
}

// optionFlags registers the flags shared by grade and class.
func optionFlags(fs *flag.FlagSet) func() grader.Options {
	seed := fs.Uint64("seed", 0, "seed of the hidden random inputs (0: a fresh one, recorded in the report)")
	only := fs.String("exercises", "", "comma-separated exercises to grade (default all)")
	timeLimit := fs.Duration("time", 0, "wall time per exercise (default 3s)")
	memory := fs.Int64("memory", 0, "address-space limit of the learner program in MiB (default 1536)")
	vis := fs.String("visibility", "after_due_date", "Gradescope visibility of hidden tests: hidden, after_due_date or visible")
	isolation := fs.String("isolation", "auto", "how learner code is contained: auto, bubblewrap or user (a dedicated user, for containers without user namespaces)")
	noSandbox := fs.Bool("no-sandbox", false, "run learner code without isolation, resource limits only: for trusted code (every report then says so)")
	lang := fs.String("lang", "en", "language of learner feedback: en or id (Bahasa Indonesia)")
	countQ := fs.Bool("count-questions", false, "count the concept checks (one point each) in the score, Gradescope's and the gradebook's; by default they are scored apart")
	staff := fs.Bool("staff", false, "show failed hidden tests' values (returned and expected) in the reports: for course staff only, never for learners")
	return func() grader.Options {
		opt := grader.Options{Seed: *seed, HiddenVisibility: *vis, Staff: *staff, CountQuestions: *countQ,
			Limits: grader.Limits{Time: *timeLimit, Memory: *memory << 20}}
		var err error
		if opt.Lang, err = grader.ParseLang(*lang); err != nil {
			fmt.Fprintln(os.Stderr, "grader: -lang:", err)
			os.Exit(2)
		}
		switch *isolation {
		case "auto":
		case "bubblewrap":
			opt.Isolation = grader.IsolationBubblewrap
		case "user":
			opt.Isolation = grader.IsolationUser
		default:
			fmt.Fprintf(os.Stderr, "grader: -isolation %q: want auto, bubblewrap or user\n", *isolation)
			os.Exit(2)
		}
		if *noSandbox {
			opt.Isolation = grader.IsolationNone
			fmt.Fprintln(os.Stderr, "grader: WARNING: -no-sandbox: learner code runs as your own user with resource limits only")
		}
		if *only != "" {
			opt.Exercises = strings.Split(*only, ",")
		}
		return opt
	}
}

func gradeCmd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("grade", flag.ExitOnError)
	opts := optionFlags(fs)
	jsonOut := fs.String("json", "", "also write the report as JSON to this file")
	gsOut := fs.String("gradescope", "", "also write Gradescope's results.json to this file")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return fmt.Errorf("grade needs one submission")
	}
	rep, err := grader.Grade(ctx, fs.Arg(0), opts())
	if err != nil {
		return err
	}
	rep.WriteText(os.Stdout)
	if *jsonOut != "" {
		if err := writeFile(*jsonOut, rep.WriteJSON); err != nil {
			return err
		}
	}
	if *gsOut != "" {
		return writeFile(*gsOut, rep.WriteGradescope)
	}
	return nil
}

func writeFile(path string, write func(w io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(path) // no half-written report or bundle
		return err
	}
	return f.Close()
}

func classCmd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("class", flag.ExitOnError)
	opts := optionFlags(fs)
	out := fs.String("o", "grades", "output directory for gradebook.csv, feedback/ and report.html")
	workers := fs.Int("workers", 0, "submissions graded at once (default: number of CPUs)")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return fmt.Errorf("class needs one directory of submissions")
	}
	began := time.Now()
	entries, err := grader.GradeClass(ctx, fs.Arg(0), *out, *workers, opts())
	if err != nil {
		return err
	}
	for _, e := range entries {
		fmt.Printf("%-24s %6g / %g\n", grader.Clean(e.Learner), e.Report.Score, e.Report.Max)
	}
	fmt.Printf("%d submissions graded in %.1fs; gradebook: %s; class report: %s\n", len(entries), time.Since(began).Seconds(),
		filepath.Join(*out, "gradebook.csv"), filepath.Join(*out, "report.html"))
	return nil
}

func gradescopeCmd(args []string) error {
	fs := flag.NewFlagSet("gradescope", flag.ExitOnError)
	out := fs.String("o", "autograder.zip", "the zip to write")
	bin := fs.String("binary", "", "a static linux/amd64 grader to bundle (default: build one from -repo)")
	repo := fs.String("repo", ".", "root of the course repository, to build the grader from")
	fs.Parse(args)
	if *bin == "" {
		tmp, err := os.MkdirTemp("", "grader-gradescope-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		*bin = filepath.Join(tmp, "grader")
		if err := grader.BuildGraderForGradescope(*repo, *bin); err != nil {
			return err
		}
	}
	return writeFile(*out, func(w io.Writer) error { return grader.WriteAutograder(w, *bin) })
}

func releaseCmd(args []string) error {
	fs := flag.NewFlagSet("release", flag.ExitOnError)
	out := fs.String("o", "", "directory to write the learner's copy into (must not exist)")
	repo := fs.String("repo", ".", "root of the course repository")
	fs.Parse(args)
	if *out == "" {
		return fmt.Errorf("release needs -o DIR")
	}
	return grader.Release(*repo, *out)
}
