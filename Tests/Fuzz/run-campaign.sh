#!/usr/bin/env bash
# Fuzzing campaign: builds the libFuzzer targets of Tests/Fuzz with AddressSanitizer, runs each for a time bound,
# copies what it finds to Tests/Fuzz/Crashes/<target>/, and prints per target the executions run and the
# crashes found.
#
#   Tests/Fuzz/run-campaign.sh [SECONDS_PER_TARGET] [TARGET...]
#
#   SECONDS_PER_TARGET  default 300
#   TARGET              fuzz-loader, fuzz-journal (default: both)
#
# Environment:
#   MUSTER_FUZZ_WORK    working directory (default /tmp/muster-fuzz): the build (scratch path), the corpus each
#                       target grows (kept between campaigns; the committed seeds in Tests/Fuzz/Corpus are only
#                       read) and the logs.
#   MUSTER_FUZZ_FLAGS   extra libFuzzer flags, e.g. "-seed=1" or "-only_ascii=1".
#
# A crash stops libFuzzer; the target is then restarted on the grown corpus until its time is used up (at most
# 10 restarts). Crashes are deduplicated by content (libFuzzer names them by SHA-1). Exit status: 0 when nothing
# was found, 1 when something was, 2 when the build failed.
#
# Reproduce one:  SWIFT_BACKTRACE=enable=no $WORK/build/release/fuzz-loader Tests/Fuzz/Crashes/fuzz-loader/crash-…
# Minimise one:   … fuzz-loader -minimize_crash=1 -runs=100000 -exact_artifact_path=min.yaml crash-…
set -uo pipefail

cd "$(dirname "$0")/../.." || exit 2
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz-loader fuzz-journal)
case $seconds in '' | *[!0-9]*) echo "usage: $0 [SECONDS_PER_TARGET] [TARGET...]" >&2; exit 2 ;; esac

work=${MUSTER_FUZZ_WORK:-/tmp/muster-fuzz}
scratch=$work/build
mkdir -p "$work"

# SwiftPM renames an executable's entry point and libFuzzer brings its own main: see Tests/Fuzz/Package.swift.
echo "== building the fuzz targets (release, -sanitize=fuzzer,address) into $scratch"
build_start=$(date +%s)
build_log=$work/build.log
if ! (cd Tests/Fuzz && nice -n 10 swift build -c release -Xswiftc -sanitize=fuzzer,address \
    --scratch-path "$scratch" > "$build_log" 2>&1); then
    grep -v "Cannot export local symbol '__asan_extra_spill_area'" "$build_log" | tail -n 30 >&2
    if grep -q "not found in package" "$build_log"; then
        echo "the main package must offer its libraries as products: see Tests/Fuzz/Package.swift" >&2
    fi
    echo "build failed (log $build_log)" >&2
    exit 2
fi
bin=$scratch/release
echo "   built in $(($(date +%s) - build_start)) s"

# Per-target limits. -max_len: a playbook is a few KiB to ~30 KiB and a journal of a long run some tens of KiB, but
# the cost of an input grows with its size (a valid 4 KiB playbook takes ~40 ms to check under ASan): 16 KiB keeps
# whole small playbooks and journals and lets the fuzzer spend its time on many inputs rather than a few big ones.
# -timeout: one input taking longer than this many seconds is a hang. -rss_limit_mb / -malloc_limit_mb: a
# process above 2 GiB, or one allocation above 512 MiB, is runaway memory (ASan's own overhead included).
flags_for() {
    case $1 in
        fuzz-loader) echo "-max_len=16384 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512" ;;
        fuzz-journal) echo "-max_len=16384 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512" ;;
        *) return 1 ;;
    esac
}
seeds_for() {
    case $1 in
        fuzz-loader) echo Tests/Fuzz/Corpus/loader ;;
        fuzz-journal) echo Tests/Fuzz/Corpus/journal ;;
    esac
}

found_any=0
summary=()
for target in "${targets[@]}"; do
    flags=$(flags_for "$target") || { echo "unknown target '$target'" >&2; exit 2; }
    seeds=$(seeds_for "$target")
    corpus=$work/corpus/$target
    artifacts=$work/artifacts/$target
    crashes=Tests/Fuzz/Crashes/$target
    log=$work/$target.log
    mkdir -p "$corpus" "$artifacts"
    : > "$log"
    marker=$work/.started-$target
    touch "$marker"
    echo "== $target: ${seconds} s, $flags; log $log"

    executions=0
    restarts=0
    start=$(date +%s)
    while :; do
        left=$((seconds - ($(date +%s) - start)))
        [ "$left" -le 0 ] && break
        # The grown corpus first: libFuzzer adds new inputs to the first directory only.
        # shellcheck disable=SC2086
        SWIFT_BACKTRACE=enable=no timeout $((left + 120)) nice -n 10 "$bin/$target" $flags \
            -max_total_time="$left" -print_final_stats=1 -artifact_prefix="$artifacts/" \
            ${MUSTER_FUZZ_FLAGS:-} "$corpus" "$seeds" >> "$log" 2>&1
        status=$?
        runs=$(grep -a 'stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}')
        executions=$((executions + ${runs:-0}))
        # Each run appends its own final stats; blank the counted line so the next run is not counted twice.
        sed -i 's/^stat::number_of_executed_units:/stat::counted_executed_units:/' "$log"
        [ "$status" -eq 0 ] && break
        restarts=$((restarts + 1))
        if [ "$restarts" -gt 10 ]; then
            echo "   more than 10 restarts: stopping $target early"
            break
        fi
        echo "   $target stopped with status $status after ${runs:-0} executions; restarting"
    done
    elapsed=$(($(date +%s) - start))

    # What this campaign found: artifacts written since the target started (earlier ones were reported then).
    # A timeout is run again once: on a busy machine a process at nice 10 can be starved for longer than the
    # limit, and one that finishes in time on the rerun was the machine, not the input.
    found=0
    unconfirmed=0
    while IFS= read -r artifact; do
        # shellcheck disable=SC2086
        if [[ $(basename "$artifact") == timeout-* ]] &&
            SWIFT_BACKTRACE=enable=no "$bin/$target" $flags -runs=1 "$artifact" > /dev/null 2>&1; then
            mkdir -p "$artifacts/unconfirmed"
            mv "$artifact" "$artifacts/unconfirmed/"
            echo "   $(basename "$artifact") did not time out when run again: not counted (see $artifacts/unconfirmed)"
            unconfirmed=$((unconfirmed + 1))
            continue
        fi
        mkdir -p "$crashes"
        cp -n "$artifact" "$crashes/"
        found=$((found + 1))
    done < <(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
        -o -name 'leak-*' \) -newer "$marker")
    [ "$found" -gt 0 ] && found_any=1
    format='%-14s %12s executions in %6s s   %3s crashes (timeouts, oom and leaks included)'
    format+='   %s unconfirmed timeouts   corpus %s inputs'
    summary+=("$(printf "$format" "$target" "$executions" "$elapsed" "$found" "$unconfirmed" \
        "$(find "$corpus" -type f | wc -l)")")
done

echo
echo "== summary"
for line in "${summary[@]}"; do echo "$line"; done
if [ "$found_any" -ne 0 ]; then
    echo "crashes copied to Tests/Fuzz/Crashes/; each becomes a fix and a file in Tests/Fuzz/Regressions/"
    exit 1
fi
exit 0
