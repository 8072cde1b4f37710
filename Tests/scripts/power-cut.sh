#!/usr/bin/env bash
# Power cuts, not only kills: a campaign of simulated power cuts (Tests/JournalingTests/PowerCutFiles.swift) at every
# point of start, one-line and many-line writes, a write that repairs a torn tail, and export. Writes not yet made
# durable (file data before its fsync, a directory entry before its directory's fsync) are dropped or torn at
# 512-byte sectors; after each cut nothing acknowledged may be lost and the run must verify and take the next write.
#
#   Tests/scripts/power-cut.sh [CUTS]      (default 20000; CI runs 1000 as part of swift test)
set -euo pipefail
cd "$(dirname "$0")/../.."
MUSTER_POWER_CUTS=${1:-20000} swift test --filter PowerCutTests
