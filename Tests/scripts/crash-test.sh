#!/usr/bin/env bash
# Kills writers at random instants and checks that the journal keeps every acknowledged event.
#
# A writer is `muster note RUN n<k>-<i> --as alice` in a tight loop; a note whose command exited 0 is
# acknowledged and listed. After a random 5-50 ms the writer's whole process group (the loop and the muster
# process it is running) gets SIGKILL, wherever it is: starting, reading, appending, fsyncing. After each kill
# the journal is checked (a tail without a final newline is a torn write, which the next writer's first command
# must cut and journal as journal.repaired; anything else must verify). At the end one more command runs (it
# repairs a last torn tail) and every acknowledged note must be in `muster log`, exactly once, and `verify` must
# pass.
#
# A SIGKILL does not cut a small write(2) to a regular file short, so real torn tails are rare here. With
# TEAR_EVERY=N in the environment, every Nth kill is also followed by what a power cut in the middle of an
# append leaves: the first bytes of a line, without its newline, at the end of the journal (the next writer's
# first command must cut them and journal the cut).
#
# Usage: [TEAR_EVERY=N] Tests/scripts/crash-test.sh [MUSTER_BINARY] [ITERATIONS=200]
# Exit status: 0 when nothing acknowledged was lost and the journal verifies, 1 otherwise, 2 on a usage error.
set -uo pipefail
cd "$(dirname "$0")/../.."

muster=${1:-.build/debug/muster}
iterations=${2:-200}
case $muster in /*) ;; *) muster="$PWD/$muster" ;; esac
if [ ! -x "$muster" ]; then
    echo "crash-test: no muster binary at '$muster' (build first, or give its path)" >&2
    exit 2
fi
case $iterations in '' | *[!0-9]*) echo "crash-test: ITERATIONS must be a number" >&2; exit 2 ;; esac
tear_every=${TEAR_EVERY:-0}
case $tear_every in '' | *[!0-9]*) echo "crash-test: TEAR_EVERY must be a number" >&2; exit 2 ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MUSTER_RUNS="$work/runs"
# One instant for every command: no timer can fall due, so the notes are the only events after the start.
export MUSTER_NOW=1763780400000
unset MUSTER_AS MUSTER_NOTIFY MUSTER_CONTACTS

run=$("$muster" start Tests/CLITests/Fixtures/runs/three-roles.yaml --run-id crash \
    --assign commander=alice --assign tech_lead=bob --assign on_site=carol 2>"$work/start.err") || {
    cat "$work/start.err" >&2
    echo "crash-test: could not start a run" >&2
    exit 1
}
journal="$MUSTER_RUNS/$run/journal.jsonl"
acked="$work/acked"
: >"$acked"

# The writer: note after note; a note is listed only once its command has exited 0.
writer() {
    local k=$1 i=0
    while :; do
        i=$((i + 1))
        if "$muster" note "$run" "n$k-$i" --as alice >/dev/null 2>>"$work/writer.err"; then
            echo "n$k-$i" >>"$acked"
        fi
    done
}

# Job control: each writer runs in a process group of its own, so that one kill stops it and its muster child.
set -m
torn=0
torn_size=""
simulated=0
damaged=0
started=$(date +%s%N)
for ((k = 1; k <= iterations; k++)); do
    writer "$k" &
    pid=$!
    sleep "$(printf '0.%03d' $((RANDOM % 46 + 5)))"
    kill -KILL -- "-$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # A journal that does not end with a newline has a torn last line; one the writer did not get to cut (it was
    # killed first) is the same torn tail, not a new one.
    if [ -n "$(tail -c 1 "$journal")" ]; then
        size=$(stat -c %s "$journal")
        if [ "$size" != "$torn_size" ]; then torn=$((torn + 1)); fi
        torn_size=$size
    else
        torn_size=""
        if [ "$tear_every" -gt 0 ] && [ $((k % tear_every)) -eq 0 ]; then
            # The first 1..len-1 bytes of the last line, as a write cut short by a power cut leaves them.
            last=$(tail -n 1 "$journal")
            printf '%s' "${last:0:$((RANDOM % (${#last} - 1) + 1))}" >>"$journal"
            simulated=$((simulated + 1))
            torn=$((torn + 1))
            torn_size=$(stat -c %s "$journal")
        fi
    fi
    if ! "$muster" verify "$run" >/dev/null 2>"$work/verify.err"; then
        damaged=$((damaged + 1))
        echo "crash-test: after kill $k: $(cat "$work/verify.err")" >&2
    fi
done
set +m
elapsed_ms=$((($(date +%s%N) - started) / 1000000))

# One more write: it cuts a torn tail the last kill may have left.
"$muster" note "$run" final --as alice >/dev/null

status=0
"$muster" log "$run" --format json >"$work/log.json" || status=1
grep -o '"text": "n[0-9]*-[0-9]*"' "$work/log.json" | sed 's/.*: "\(.*\)"/\1/' | sort >"$work/journaled"
sort "$acked" >"$work/acked.sorted"
acknowledged=$(wc -l <"$work/acked.sorted")
missing=$(comm -23 "$work/acked.sorted" "$work/journaled" | wc -l)
duplicated=$(uniq -d "$work/journaled" | wc -l)
unacknowledged=$(comm -13 "$work/acked.sorted" "$work/journaled" | wc -l)
repaired=$(grep -c '"type": "journal.repaired"' "$work/log.json")
lines=$(grep -c '"seq":' "$work/log.json")

if ! "$muster" verify "$run" >"$work/verify.out" 2>&1; then
    echo "crash-test: the final verify failed: $(cat "$work/verify.out")" >&2
    status=1
fi
if [ "$missing" -ne 0 ]; then
    echo "crash-test: acknowledged notes missing from the journal:" >&2
    comm -23 "$work/acked.sorted" "$work/journaled" | head -20 >&2
    status=1
fi
if [ "$duplicated" -ne 0 ] || [ "$damaged" -ne 0 ]; then status=1; fi
if [ "$torn" -gt 0 ] && [ "$repaired" -eq 0 ]; then
    # Every repair is journaled in the same write that makes the cut; a torn tail seen twice (its next writer
    # killed too) is repaired once, so the counts need not be equal, but none repaired means none journaled.
    echo "crash-test: $torn torn tails but no journal.repaired event" >&2
    status=1
fi

echo "iterations: $iterations (${elapsed_ms} ms)"
echo "acknowledged: $acknowledged"
echo "missing (must be 0): $missing"
echo "duplicated (must be 0): $duplicated"
echo "journaled but never acknowledged (killed after the write): $unacknowledged"
echo "damaged after a kill (must be 0): $damaged"
echo "torn tails: $torn (simulated with TEAR_EVERY=$tear_every: $simulated)"
echo "torn tails repaired (journal.repaired events): $repaired"
echo "journal lines: $lines"
[ "$status" -eq 0 ] && echo "crash-test: ok" || echo "crash-test: FAILED" >&2
exit "$status"
