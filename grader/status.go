package grader

// Status is the outcome of one exercise in a report.
type Status string

// The statuses of an exercise: what its tests gave, or why none ran.
const (
	StatusPassed         Status = "passed"          // every test passed, full marks
	StatusPartial        Status = "partial"         // some points
	StatusFailed         Status = "failed"          // tests ran, no points
	StatusNotImplemented Status = "not implemented" // the stub still panics
	StatusMissing        Status = "missing"         // no function of that name
	StatusWrongSignature Status = "wrong signature" // the function has another type
	StatusCompileError   Status = "compile error"   // the package does not compile
	StatusRefused        Status = "refused before compiling"
	StatusCrash          Status = "crash"         // the program could not even start
	StatusNoCode         Status = "no code found" // nothing gradable in the submission
	StatusGraderError    Status = "grader error"  // grading itself failed
)

// FailureKind says why a learner program gave no answer (RunError.Kind).
type FailureKind string

const (
	FailureTimeout FailureKind = "timeout"
	FailureMemory  FailureKind = "memory"
	FailureCrash   FailureKind = "crash"
)
