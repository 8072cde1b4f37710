#!/bin/bash
# Two people of one Unix group share a run in a setgid runs directory: the second can act on and read the first
# one's run, and every file of the run belongs to the group. Needs root (it acts as two users with setpriv).
# Usage: Tests/scripts/shared-group.sh [BINARY]   (default .build/debug/muster)
set -eu
BIN=$(cd "$(dirname "${1:-.build/debug/muster}")" && pwd)/$(basename "${1:-.build/debug/muster}")
[ "$(id -u)" = 0 ] || { echo "shared-group: skipped (needs root to act as two users)"; exit 0; }
command -v setpriv >/dev/null || { echo "shared-group: skipped (no setpriv)"; exit 0; }
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
chmod 755 "$W"; cp "$BIN" "$W/muster"; chmod 755 "$W/muster"
cp -r Playbooks "$W/playbooks"; chmod -R a+rX "$W/playbooks"
mkdir "$W/runs"; chown root:5000 "$W/runs"; chmod 2770 "$W/runs"
export MUSTER_RUNS=$W/runs MUSTER_PLAYBOOKS=$W/playbooks
first="setpriv --reuid=5001 --regid=5001 --groups=5000"; second="setpriv --reuid=5002 --regid=5002 --groups=5000"
for umask in 077 022; do
  run=team$umask
  (umask $umask; $first "$W/muster" start water-leak --run-id $run --assign commander=alice --assign on_site=bob >/dev/null)
  (umask $umask; $first "$W/muster" drill start water-leak-on-time --run-id drill$umask >/dev/null)
  (umask $umask; $second "$W/muster" note $run "from the second responder" --as alice >/dev/null)
  (umask $umask; $second "$W/muster" drill advance drill$umask 5m >/dev/null)
  $second "$W/muster" status $run >/dev/null
  for dir in "$W/runs/$run" "$W/runs/drill$umask"; do
    [ "$(stat -c %a "$dir")" = 2770 ] || { echo "FAIL: $dir is $(stat -c %a "$dir"), not 2770"; exit 1; }
    for file in "$dir"/*; do
      [ "$(stat -c %g "$file")" = 5000 ] || { echo "FAIL: $file has group $(stat -c %g "$file")"; exit 1; }
      [ "$(stat -c %a "$file")" = 660 ] || { echo "FAIL: $file is $(stat -c %a "$file"), not 660"; exit 1; }
    done
  done
  injects=$($second "$W/muster" log drill$umask | grep -c drill.inject || true)
  [ "$injects" -ge 1 ] || { echo "FAIL: no inject delivered to the teammate's advance (umask $umask)"; exit 1; }
done
echo "shared-group: two users of one group shared a live run and a drill under umask 077 and 022; every file 0660, group-owned"
