#!/usr/bin/env bash
# Runs the package's test suite under AddressSanitizer, then ThreadSanitizer, and says pass or fail for each.
#
#   Tests/scripts/sanitizers.sh [address|thread ...]      (default: address thread)
#
# Environment:
#   MUSTER_SANITIZER_WORK  where the builds go (default /tmp/muster-sanitizers/<sanitizer>); each sanitizer has
#                          its own scratch path, as sanitized and plain objects cannot be mixed.
#   MUSTER_ASAN_SKIP       regular expression of tests skipped under AddressSanitizer; empty runs all.
#   MUSTER_TSAN_SKIP       the same under ThreadSanitizer.
#
# A sanitized binary runs several times slower, the `muster` processes the CLI tests start included; every test
# keeps its time limits under both. The heaviest, MultiTerminalTests.fourProcessesTimesTwoHundredFiftyCommands
# (1000 `muster` processes within 10 minutes), took 38 s under AddressSanitizer and 43 s under ThreadSanitizer on
# two busy cores.
# Sanitizer reports make the test process (or a `muster` child, whose failure fails its test) exit non-zero.
# A sanitized build takes several minutes on two cores; the build runs under `nice`.
set -uo pipefail

cd "$(dirname "$0")/../.." || exit 2
sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)
work=${MUSTER_SANITIZER_WORK:-/tmp/muster-sanitizers}
asan_skip=${MUSTER_ASAN_SKIP-}
tsan_skip=${MUSTER_TSAN_SKIP-}

# Swift's backtracer would hold a crashing process while it symbolicates; the sanitizer prints the report.
export SWIFT_BACKTRACE=enable=no
# Sanitizer reports to stderr, and a non-zero exit at the end of the process (TSan's default is 66). Leak detection
# is off in the test runner: LeakSanitizer does not follow Swift pointers that carry an enum's tag in their spare
# bits (indirect enums such as the playbook's conditions), so objects still in use are reported as leaked.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0:exitcode=66}

results=()
failed=0
for sanitizer in "${sanitizers[@]}"; do
    case $sanitizer in
        address | thread) ;;
        *) echo "unknown sanitizer '$sanitizer' (address or thread)" >&2; exit 2 ;;
    esac
    scratch=$work/$sanitizer
    log=$work/$sanitizer.log
    mkdir -p "$scratch"
    skip=()
    pattern=$asan_skip
    [ "$sanitizer" = thread ] && pattern=$tsan_skip
    [ -n "$pattern" ] && skip=(--skip "$pattern")

    echo "== $sanitizer: building the tests into $scratch (log $log)"
    start=$(date +%s)
    if ! nice -n 10 swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" > "$log" 2>&1; then
        tail -n 30 "$log"
        results+=("$sanitizer: FAIL (build), $(($(date +%s) - start)) s")
        failed=1
        continue
    fi
    built=$(date +%s)
    echo "   built in $((built - start)) s; testing${skip[*]:+ (${skip[*]})}"
    nice -n 10 swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "${skip[@]}" >> "$log" 2>&1
    status=$?
    tested=$(date +%s)
    report_lines='^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread|Leak)Sanitizer)'
    reports=$(grep -c -E "$report_lines" "$log")
    summary=$(grep -a -E 'Test run with [0-9]+ tests' "$log" | tail -n 1)
    if [ "$status" -eq 0 ] && [ "$reports" -eq 0 ]; then
        verdict=PASS
    else
        verdict=FAIL
        failed=1
        grep -a -E 'Sanitizer|✘|failed' "$log" | head -n 40
    fi
    timing="build $((built - start)) s, tests $((tested - built)) s"
    results+=("$sanitizer: $verdict (exit $status, $reports sanitizer reports; $timing) $summary")
done

echo
echo "== sanitizers"
for line in "${results[@]}"; do echo "$line"; done
exit $failed
