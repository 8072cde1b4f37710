#!/usr/bin/env bash
# Random command sequences over every shipped playbook with the engine's invariants checked after each command
# (Tests/ShippedPlaybookTests/ModelBasedTests.swift): COMMANDS in all (default 2 000 000; swift test runs 100 000).
#
#   Tests/scripts/model-based.sh [COMMANDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
MUSTER_MODEL_COMMANDS=${1:-2000000} swift test --filter ModelBasedTests
