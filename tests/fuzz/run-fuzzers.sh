#!/bin/sh
# Runs each libFuzzer target of a -Dfuzz=true build for SECONDS, one after
# the other, starting from the committed seed corpus:
#
#   tests/fuzz/run-fuzzers.sh BUILDDIR SECONDS [TARGET...]
#
# TARGET is load, text, app... (default: every fuzz-* binary in BUILDDIR).
# New inputs that reach new code go to BUILDDIR/fuzz-corpus/TARGET (kept
# between runs; merge the useful ones into tests/fuzz/corpus/TARGET with
# -merge=1, see README.md); crashes, leaks and timeouts are saved as
# BUILDDIR/fuzz-artifacts/TARGET/crash-* etc. Prints each run's executions;
# exits 1 if any target found something.
set -u
[ $# -ge 2 ] || { echo "usage: $0 BUILDDIR SECONDS [TARGET...]" >&2; exit 2; }
build=$(cd "$1" && pwd) || exit 2
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
	set --
	for exe in "$build"/tests/fuzz/fuzz-*; do
		[ -x "$exe" ] && set -- "$@" "${exe##*/fuzz-}"
	done
fi
[ $# -gt 0 ] || { echo "$0: no fuzz-* binaries in $build/tests/fuzz (meson setup -Dfuzz=true)" >&2; exit 2; }

status=0
for target; do
	exe=$build/tests/fuzz/fuzz-$target
	work=$build/fuzz-corpus/$target
	artifacts=$build/fuzz-artifacts/$target
	log=$build/fuzz-artifacts/$target.log
	mkdir -p "$work" "$artifacts"
	dict=
	[ -f "$here/$target.dict" ] && dict=-dict=$here/$target.dict
	# -timeout: an input that takes 10 s is a hang for a browser that must
	# answer every key; -rss_limit_mb: the loader must stay far below this.
	# UBSan reports are fatal (-fno-sanitize-recover) and ASan checks leaks.
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	"$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$artifacts/" $dict \
		"$work" "$here/corpus/$target" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	echo "fuzz-$target: ${seconds}s, ${execs:-?} executions (${rate:-?}/s), $cov, exit $rc"
	if [ $rc -ne 0 ]; then
		status=1
		grep -E 'ERROR|invariant broken|runtime error|Test unit written' "$log" | head -n 20
		echo "  log: $log"
	fi
done
exit $status
