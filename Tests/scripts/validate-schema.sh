#!/usr/bin/env bash
# Checks `muster schema` with an independent validator (check-jsonschema): the schema must be valid against the
# JSON Schema metaschema; the shipped playbooks, the valid fixtures and the playbook `muster new` writes must
# pass it; and every invalid fixture must fail it (SchemaTests checks that `muster check` rejects them too).
# Usage: Tests/scripts/validate-schema.sh [MUSTER_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
muster=${1:-.build/debug/muster}
fixtures=Tests/CLITests/Fixtures/schema
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! python3 -m venv "$work/venv" >/dev/null 2>&1; then
    echo "validate-schema: python3-venv missing; installing it" >&2
    sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$work/venv"
fi
"$work/venv/bin/pip" install -q check-jsonschema==0.39.0
validator="$work/venv/bin/check-jsonschema"

"$muster" schema > "$work/muster.schema.json"
"$muster" new schema-check > "$work/new-playbook.yaml"
if ! "$validator" --check-metaschema "$work/muster.schema.json" > "$work/metaschema.txt" 2>&1; then
    cat "$work/metaschema.txt" >&2
    echo "validate-schema: the schema is not valid against its metaschema" >&2
    exit 1
fi

shopt -s nullglob
valid=(Playbooks/*.yaml "$fixtures"/valid/*.yaml Tests/PlaybookLanguageTests/Fixtures/compact/*.yaml "$work/new-playbook.yaml")
invalid=("$fixtures"/invalid/*.yaml)
shopt -u nullglob
if [ "${#invalid[@]}" -lt 10 ]; then
    echo "validate-schema: expected at least ten invalid fixtures in $fixtures/invalid, found ${#invalid[@]}" >&2
    exit 1
fi

# Every valid file must pass.
if ! "$validator" --schemafile "$work/muster.schema.json" "${valid[@]}" > "$work/valid.txt" 2>&1; then
    cat "$work/valid.txt" >&2
    echo "validate-schema: the schema rejected a playbook that must pass" >&2
    exit 1
fi

# Every invalid file must fail, as a schema violation (not as a file the validator could not read).
status=0
"$validator" --output-format json --schemafile "$work/muster.schema.json" "${invalid[@]}" > "$work/invalid.json" \
    || status=$?
if [ "$status" -ne 1 ]; then
    echo "validate-schema: expected the invalid fixtures to fail validation (exit 1), got exit $status" >&2
    exit 1
fi
python3 - "$work/invalid.json" "${invalid[@]}" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
files = sys.argv[2:]
failed = {error["filename"] for error in report["errors"]}
problems = [f"{f}: the validator accepted it" for f in files if f not in failed]
problems += [f"{error.get('filename', '?')}: not read: {error.get('message', error)}"
             for error in report["parse_errors"]]
for problem in problems:
    print("validate-schema: " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

echo "validate-schema: ok (schema valid against its metaschema; ${#valid[@]} playbooks accepted:" \
    "shipped, valid fixtures and 'muster new'; ${#invalid[@]} invalid fixtures rejected)"
