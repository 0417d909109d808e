#!/usr/bin/env bash
# Measures the grader: one submission with a warm build cache, then a class
# of 100 distinct submissions (solutions, stubs, wrong answers, some that
# hang) graded in parallel. Run from the repository root:
#
#	bash grader/bench.sh [N]
#
# Every submission carries a unique comment, so each one is really compiled
# (the build cache only helps with the standard library and the protocol).
set -euo pipefail
N=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/grader" ./cmd/grader
"$work/grader" warmup

make_sub() { # make_sub DIR SOURCE_DIR [sed-expression]
	mkdir -p "$1/exercises"
	for f in "$2"/*.go; do
		case "$f" in *_test.go) continue ;; esac
		sed -e "${3:-s/^\$//}" "$f" >"$1/exercises/$(basename "$f")"
	done
	printf '\n// submission %s\n' "$(basename "$1")" >>"$1/exercises/doc.go"
}

one="$work/one"
make_sub "$one" solutions
start=$(date +%s.%N)
"$work/grader" grade "$one" >/dev/null
end=$(date +%s.%N)
printf 'one submission (solutions, warm cache): %.2fs\n' "$(echo "$end - $start" | bc)"

class="$work/class"
for i in $(seq 1 "$N"); do
	case $((i % 10)) in
	0 | 1 | 2 | 3) make_sub "$class/learner$i" solutions ;;
	4 | 5) make_sub "$class/learner$i" exercises ;;
	6) make_sub "$class/learner$i" solutions 's|grad\[i\] = 2 \* (pred\[i\] - target\[i\]) / n|grad[i] = 2 * (target[i] - pred[i]) / n|' ;;
	7) make_sub "$class/learner$i" solutions 's|float64(step/every)|float64((step+1)/every)|' ;;
	8) make_sub "$class/learner$i" solutions 's|return -sum / float64(len(prob))|return -sum|' ;;
	9) if [ $((i % 20)) = 9 ]; then # hangs in one exercise: costs its time limit
		make_sub "$class/learner$i" solutions 's|^func SGDStep(w, grad \[\]float64, lr float64) \[\]float64 {|&\n\tfor {\n\t}|'
	else
		make_sub "$class/learner$i" solutions 's|if v > 0 {|if v >= 0 {|'
	fi ;;
	esac
done
start=$(date +%s.%N)
"$work/grader" class -o "$work/grades" "$class" >"$work/class.txt"
echo "score distribution (count, score):"
grep ' / ' "$work/class.txt" | awk '{print $2}' | sort -n | uniq -c
end=$(date +%s.%N)
printf '%d submissions: %.1fs (%d CPUs)\n' "$N" "$(echo "$end - $start" | bc)" "$(nproc)"
