package grader

import "github.com/deepdive-dl/backprop/internal/i18n"

// Lang is the language of the feedback learners read: the text report,
// the feedback files and Gradescope's output. JSON field names, statuses
// in JSON, test names and the Go compiler's own messages stay English.
// The two languages and their phrases are package internal/i18n's, which
// exercises/checks shares.
type Lang = i18n.Lang

const (
	English    = i18n.English
	Indonesian = i18n.Indonesian
)

// ParseLang accepts "en", "id" or "" (English).
func ParseLang(s string) (Lang, error) { return i18n.Parse(s) }

// phrase is one sentence of learner feedback in each language, with fmt
// verbs in the same order; Lang.Say formats it.
type phrase = i18n.Phrase

// The phrases of learner feedback. Terms the course keeps in English
// (gradient, loss, panic, stub, signature, compile) stay English in the
// Indonesian ones, as in the lecture.
var (
	phMissing       = phrase{"function %s not found: define it with the signature %s", "fungsi %s tidak ditemukan: definisikan dengan signature %s"}
	phWrongType     = phrase{"%s has type %s; want %s", "%s bertipe %s; seharusnya %s"}
	phGeneric       = phrase{"a generic function", "fungsi generic"}
	phNotCallable   = phrase{"%s cannot be called as %s: %s", "%s tidak bisa dipanggil sebagai %s: %s"}
	phNoCompile     = phrase{"your package does not compile: %s", "package Anda tidak bisa di-compile: %s"}
	phCancelled     = phrase{"grading was cancelled", "penilaian dibatalkan"}
	phNotRun        = phrase{"not run: %s", "tidak dijalankan: %s"}
	phStubTest      = phrase{"not implemented (the stub still panics)", "belum dikerjakan (stub masih panic)"}
	phStubExercise  = phrase{"not implemented: the function still panics with \"not implemented\"", "belum dikerjakan: fungsi ini masih panic dengan \"not implemented\""}
	phPanicHidden   = phrase{"your function panicked (its message is shown on public checks only)", "fungsi Anda panic (pesannya hanya ditampilkan pada pengecekan publik)"}
	phResultCount   = phrase{"got %d results, want %d", "mengembalikan %d hasil, seharusnya %d"}
	phRows          = phrase{"%s: wrong number of rows", "%s: jumlah baris salah"}
	phRowLength     = phrase{"%s: row %d has the wrong length", "%s: panjang baris %d salah"}
	phChangedArg    = phrase{"your function changed its argument %s; return a new slice instead", "fungsi Anda mengubah argumen %s; kembalikan slice baru"}
	phProperty      = phrase{"the property does not hold", "sifat yang diuji tidak terpenuhi"}
	phWrongType2    = phrase{"%s: wrong type", "%s: tipe salah"}
	phGotNil        = phrase{"%s: got nil", "%s: bernilai nil"}
	phWrongLength   = phrase{"%s: wrong length", "%s: panjang salah"}
	phWrongValues   = phrase{"%s: wrong values", "%s: nilai-nilainya salah"}
	phWrongValue    = phrase{"%s: wrong value", "%s: nilainya salah"}
	phUnpaid        = phrase{"passed, but pays only once every random-input test passes too", "lulus, tetapi baru diberi nilai setelah semua tes input acak juga lulus"}
	phCompileTime   = phrase{"compiling your code took longer than %v: the compiler gave up (very deep generic instantiations or huge constant expressions?)", "compile kode Anda lebih lama dari %v: compiler menyerah (instansiasi generic yang sangat dalam atau ekspresi konstanta yang sangat besar?)"}
	phCompileLimit  = phrase{"compiling your code needed more than the allowed %v of CPU time or 4 GiB of memory: the compiler gave up (very deep generic instantiations or huge constant expressions?)", "compile kode Anda butuh lebih dari batas %v waktu CPU atau 4 GiB memori: compiler menyerah (instansiasi generic yang sangat dalam atau ekspresi konstanta yang sangat besar?)"}
	phCompilerFail  = phrase{"the Go compiler failed on your code: %s", "compiler Go gagal pada kode Anda: %s"}
	phWhileStarting = phrase{" while starting (in your package's init functions)", " saat memulai (di fungsi init package Anda)"}
	phTimeLimit     = phrase{"time limit exceeded (%v)%s: an infinite loop, or far too much work?", "batas waktu terlampaui (%v)%s: loop tanpa akhir, atau pekerjaan yang terlalu banyak?"}
	phStopped       = phrase{"your code stopped the program%s", "kode Anda menghentikan program%s"}
	phMemory        = phrase{"memory limit exceeded (%d MiB)%s: a huge or endless allocation?", "batas memori terlampaui (%d MiB)%s: alokasi yang sangat besar atau tanpa akhir?"}
	phStack         = phrase{"stack overflow%s: a recursion that never ends?", "stack overflow%s: rekursi yang tidak pernah berhenti?"}
	phPanicStop     = phrase{"a panic stopped the program%s (in a goroutine?)", "sebuah panic menghentikan program%s (di dalam goroutine?)"}
	phRuntimeStop   = phrase{"the Go runtime stopped the program%s: %s", "runtime Go menghentikan program%s: %s"}
	phEnded         = phrase{"the program ended unexpectedly%s (%v)", "program berhenti tiba-tiba%s (%v)"}
	phGradingStop   = phrase{"grading stopped: %s", "penilaian berhenti: %s"}

	// The text report.
	phHeader     = phrase{"Submission %s: %g / %g points (%.0f%%)   seed %d   isolation: %s", "Kiriman %s: %g / %g poin (%.0f%%)   seed %d   isolasi: %s"}
	phProblem    = phrase{"problem", "masalah"}
	phWarning    = phrase{"warning", "peringatan"}
	phColumns    = phrase{"EXERCISE\tTOPIC\tSCORE\tMAX\tSTATUS", "EXERCISE\tTOPIK\tNILAI\tMAKS\tSTATUS"}
	phTestLine   = phrase{"%s test %q (-%g): %s", "tes %s %q (-%g): %s"}
	phHint       = phrase{"hint", "petunjuk"}
	phGSSummary  = phrase{"%g / %g points. Hidden random inputs from seed %d. Isolation: %s.", "%g / %g poin. Input acak tersembunyi dari seed %d. Isolasi: %s."}
	phNoLearner  = phrase{"none needed (no learner code ran)", "tidak perlu (tidak ada kode learner yang dijalankan)"}
	phStaffOnly  = phrase{"staff only", "hanya untuk staf"}
	phNoSandbox  = phrase{noSandboxWarning, noSandboxWarning}
	phWarningCap = phrase{"WARNING", "PERINGATAN"}
)

// statusText is how a status reads in the text report.
var statusText = map[Status]phrase{
	StatusPassed:         {"passed", "lulus"},
	StatusPartial:        {"partial", "sebagian"},
	StatusFailed:         {"failed", "gagal"},
	StatusNotImplemented: {"not implemented", "belum dikerjakan"},
	StatusMissing:        {"missing", "tidak ada"},
	StatusWrongSignature: {"wrong signature", "signature salah"},
	StatusCompileError:   {"compile error", "gagal compile"},
	StatusRefused:        {"refused before compiling", "ditolak sebelum compile"},
	StatusCrash:          {"crash", "crash"},
	StatusNoCode:         {"no code found", "kode tidak ditemukan"},
	StatusGraderError:    {"grader error", "kesalahan grader"},
}

// kindText is how a kind of test reads.
var kindText = map[string]phrase{
	KindPublic:   {"public", "publik"},
	KindRandom:   {"random", "acak"},
	KindEdge:     {"edge", "kasus tepi"},
	KindProperty: {"property", "sifat"},
}

// word translates a status or kind, or returns it as it is.
func word[K ~string](l Lang, table map[K]phrase, s K) string {
	if p, ok := table[s]; ok {
		return l.Say(p)
	}
	return string(s)
}

// The concept checks of the text report.
var (
	phQuestions        = phrase{"Concept checks: %g / %g (scored apart from the exercises)", "Cek konsep: %g / %g (dinilai terpisah dari latihan)"}
	phQuestionsCounted = phrase{"Concept checks: %g / %g (counted in the score)", "Cek konsep: %g / %g (dihitung dalam nilai)"}
	phNotCounted       = phrase{"concept checks are scored apart: not counted in the score", "cek konsep dinilai terpisah: tidak dihitung dalam nilai"}
	phRightAnswer      = phrase{"right", "benar"}
	phWrongAnswer      = phrase{"not right (see the explanation in the notebook)", "belum benar (lihat penjelasan di notebook)"}
	phUnanswered       = phrase{"not answered", "belum dijawab"}
)
