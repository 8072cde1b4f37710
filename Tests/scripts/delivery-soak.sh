#!/usr/bin/env bash
# Every escalation reaches a person, whatever happens to the watcher: RUNS runs (default 25) of a playbook whose one
# step escalates every second 40 times (1 000 pages to one person), `muster watch --all` delivering them while it is
# SIGKILLed (with its notifier) and restarted KILLS times (default 10), and another terminal polling `status` on a
# random run every 50 ms. A last watch then delivers what the kills left pending. Nothing may be lost: every page is
# delivered at least once, and a page delivered twice carries the same key both times (an allowed retry).
#
#   Tests/scripts/delivery-soak.sh [MUSTER_BINARY] [RUNS] [KILLS]
set -euo pipefail
M=${1:-.build/debug/muster}
case $M in */*) M=$(cd "$(dirname "$M")" && pwd)/$(basename "$M");; esac
RUN_COUNT=${2:-25}
KILLS=${3:-10}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export MUSTER_RUNS=$W/runs NO_COLOR=1
cd "$W"

python3 - <<'PY'
rungs = "".join("      - { after: %ds, notify: [commander] }\n" % i for i in range(1, 41))
open("rungs.yaml", "w").write("""muster: 1
id: rungs
version: 1.0.0
title: { en: Rungs, zh: 升级 }
roles:
  commander: { title: { en: Commander, zh: 总指挥 } }
severity:
  general: { title: { en: General, zh: 一般 } }
start: act
steps:
  act:
    title: { en: Act, zh: 行动 }
    owner: commander
    done_within: 1h
    escalate:
""" + rungs + """    next: outcome.done
outcomes:
  done: { kind: success, title: { en: Done, zh: 完成 } }
""")
PY
printf '#!/bin/sh\nprintf "%%s " "$(date +%%s%%N)" >> "%s/delivered.log"; cat >> "%s/delivered.log"; echo >> "%s/delivered.log"\n' \
    "$W" "$W" "$W" > notify.sh
chmod +x notify.sh

for i in $(seq 1 "$RUN_COUNT"); do "$M" start rungs.yaml --run-id "r$i" --assign commander=alice >/dev/null 2>&1; done

# Another terminal polls the board of a random run every 50 ms.
( end=$((SECONDS + 44)); while [ $SECONDS -lt $end ]; do
    "$M" status "r$(( RANDOM % RUN_COUNT + 1 ))" >/dev/null 2>&1 || true; sleep 0.05; done ) &
POLLER=$!

# The watcher, killed with its whole process group (a notifier in the middle of a delivery dies too) and
# restarted every 40 / KILLS seconds.
for k in $(seq 1 "$KILLS"); do
    setsid "$M" watch --all --notify-command "$W/notify.sh" >/dev/null 2>&1 &
    PID=$!
    sleep "$(python3 -c "import random; print(round(40 / $KILLS * random.uniform(0.6, 1.4), 2))")"
    kill -9 -- "-$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
done
wait "$POLLER" 2>/dev/null || true
# A last watcher delivers what the kills left (failed attempts are retried after their backoff).
"$M" watch --all --notify-command "$W/notify.sh" --exit-after 30s >/dev/null 2>&1 || true

for i in $(seq 1 "$RUN_COUNT"); do "$M" log "r$i" --format json > "log-r$i.json"; done
python3 - "$RUN_COUNT" <<'PY'
import json, sys
runs = int(sys.argv[1])
requested = {}
for i in range(1, runs + 1):
    run = f"r{i}"
    log = json.load(open(f"log-{run}.json"))
    entries = log if isinstance(log, list) else log.get("events", [])
    for entry in entries:
        if entry.get("type") == "notification.requested":
            key = f"{run}/{entry['seq']}/alice"
            requested[key] = entry["at"]
delivered = {}
latencies = []
for line in open("delivered.log", encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    # A notifier killed with its watcher may leave half a line: that delivery did not happen (it is retried).
    parts = line.split(" ", 1)
    try:
        stamp, note = int(parts[0]), json.loads(parts[1])
    except (IndexError, ValueError):
        continue
    delivered.setdefault(note["key"], 0)
    delivered[note["key"]] += 1
    if delivered[note["key"]] == 1:
        latencies.append(stamp / 1e6 - note["requested_at"])
lost = [key for key in requested if key not in delivered]
strangers = [key for key in delivered if key not in requested]
repeats = sum(count - 1 for count in delivered.values())
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))] if latencies else float("nan")
print(f"pages requested: {len(requested)}; delivered: {len(delivered)}; lost: {len(lost)}; "
      f"repeats (same key, allowed): {repeats}; unknown keys: {len(strangers)}")
print(f"latency from the due instant to the notifier (kills included): p50 {p(0.5):.0f} ms, p99 {p(0.99):.0f} ms")
sys.exit(1 if lost or strangers or len(requested) == 0 else 0)
PY
