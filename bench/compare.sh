#!/usr/bin/env bash
# Runs the course's workloads with this project's library, with hand-written
# numpy (float64) and with PyTorch (float64 and float32), all on one thread,
# from the same data and starting weights, and prints a table of times and
# ratios. Not part of CI: the machine's load changes the figures; the
# ratios, measured in one run, are what to compare.
#
#   bench/compare.sh            (from the repository root)
#   REPEAT=5 bench/compare.sh   (best of 5 runs per workload; default 3)
#
# Workloads (see bench/gobench and bench/reference.py):
#   W1  784-128-10 ReLU MLP, softmax cross-entropy, 60,000 MNIST images
#       (sparse: as they are, 81% zeros; dense: centred, no zeros),
#       batch 64, SGD lr 0.1, one epoch
#   W2  2-16-16-1 tanh MLP, sigmoid + BCE, 1,000 two-moons points, SGD
#       lr 0.5; batch 32 (6,400 steps) and full batch (200 steps)
#   a 1024×1024 by 1024×1024 float64 product
# The Go workloads run twice: through Fit, and through the four-line loop a
# learner writes (rows "-loop"), which must be as fast and reach the same
# loss bit for bit.
# With libopenblas-dev installed, the Go workloads also run in the build
# with -tags openblas ("go-openblas").
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${REPEAT:-3}
PY=/usr/bin/python3

need=()
$PY -c 'import numpy' 2>/dev/null || need+=(python3-numpy)
$PY -c 'import torch' 2>/dev/null || need+=(python3-torch)
dpkg -s libopenblas-dev >/dev/null 2>&1 || need+=(libopenblas-dev)
if ((${#need[@]})); then
	echo "installing ${need[*]} from Debian" >&2
	apt-get install -y "${need[@]}" >&2
fi

export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 GOMAXPROCS=1
# OpenBLAS picks its kernels from the CPU model. On a virtual machine that
# reports a model it does not know ("Intel(R) Xeon(R) Processor"), Debian's
# OpenBLAS 0.3.21 falls back to its oldest kernels (Prescott, SSE3) and
# multiplies 4-5 times slower (14 instead of 68 GFLOP/s here), which would
# handicap numpy, PyTorch and the openblas build alike. Name the core from
# the CPU's features in that case.
if [[ -z ${OPENBLAS_CORETYPE:-} ]]; then
	core=$(OPENBLAS_VERBOSE=2 $PY -c 'import numpy' 2>&1 | sed -n 's/^Core: //p' | head -1)
	if [[ $core == Prescott ]]; then
		if grep -qw avx512f /proc/cpuinfo; then
			export OPENBLAS_CORETYPE=SkylakeX
		elif grep -qw avx2 /proc/cpuinfo; then
			export OPENBLAS_CORETYPE=Haswell
		fi
		echo "OpenBLAS detected $core; using OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-$core}" >&2
	fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gobench" ./bench/gobench
builds=("$work/gobench")
if go build -tags openblas -o "$work/gobench-openblas" ./bench/gobench 2>"$work/openblas.log"; then
	builds+=("$work/gobench-openblas")
else
	echo "no OpenBLAS build (see below); continuing without it" >&2
	cat "$work/openblas.log" >&2
fi

echo "generating data and starting weights in $work/data" >&2
"$work/gobench" gen "$work/data" >&2
results=$work/results.jsonl

run() { # run CMD..., appending its JSON line to the results
	echo "  $*" >&2
	"$@" | tee -a "$results" >&2
}
for ((r = 1; r <= REPEAT; r++)); do
	echo "round $r of $REPEAT" >&2
	for b in "${builds[@]}"; do
		for loop in "" loop; do # loop: the plain loop a learner writes, not Fit
			run "$b" w2 "$work/data" 32 6400 $loop
			run "$b" w2 "$work/data" 1000 200 $loop
			run "$b" w1 "$work/data" sparse $loop
			run "$b" w1 "$work/data" dense $loop
		done
		run "$b" matmul 1024
	done
	for impl in numpy torch64 torch32; do
		run $PY bench/reference.py $impl w2 "$work/data" 32 6400
		run $PY bench/reference.py $impl w2 "$work/data" 1000 200
		run $PY bench/reference.py $impl w1 sparse "$work/data"
		run $PY bench/reference.py $impl w1 dense "$work/data"
		run $PY bench/reference.py $impl matmul 1024
	done
done

echo
echo "## Workloads, one thread, best of $REPEAT, OpenBLAS core ${OPENBLAS_CORETYPE:-as detected} ($(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
status=0
$PY bench/table.py <"$results" || status=$?
echo
echo "The same runs in CPU time (fairer when other jobs share the machine):"
echo
$PY bench/table.py --cpu <"$results" || status=$?

echo
data_mb=$((($(stat -c %s "$work/data/w1_x_sparse.f64") + $(stat -c %s "$work/data/w1_y.f64")) / 1048576))
echo "## Peak memory of one W1 epoch (sparse); the data: $data_mb MB of images + labels, target ≤ that + 50 MB"
peak() { # peak NAME CMD...: prints the peak resident memory of CMD
	local name=$1
	shift
	/usr/bin/time -o "$work/rss" -f "%M" "$@" >/dev/null
	local mb=$(($(cat "$work/rss") / 1024))
	local verdict=""
	if [[ $name == gobench* ]]; then
		verdict=" (target $((data_mb + 50)) MB: $( ((mb <= data_mb + 50)) && echo met || echo NOT MET))"
	fi
	echo "$name: peak RSS $mb MB$verdict"
}
for b in "${builds[@]}"; do
	peak "$(basename "$b")" "$b" w1 "$work/data" sparse
done
peak numpy $PY bench/reference.py numpy w1 sparse "$work/data"
peak torch32 $PY bench/reference.py torch32 w1 sparse "$work/data"

echo
echo "## Notebook cell: W2, 200 epochs of batch 32, shuffled, with its loss chart (target: under 2 s)"
"$work/gobench" notebook

echo
echo "## go test -bench: steps (allocations per step in steady state) and whole W1 epochs"
go test ./pkg/backprop/ -run '^$' -bench 'W1Step|W2Step' -benchmem 2>&1 | grep -E '^Benchmark'
go test ./pkg/backprop/ -run '^$' -bench 'W1Epoch' -benchtime 1x -benchmem 2>&1 | grep -E '^Benchmark'
exit $status
