#!/usr/bin/env bash
# Renders the HTML report of a deterministic run and screenshots it with headless Chromium, for a person to look
# at: a phone (375 px wide) and a desktop (1200 px), in English and Chinese.
#
#   Tests/scripts/render-report.sh [MUSTER_BINARY] [OUT_DIR]
#
# MUSTER_BINARY defaults to .build/debug/muster; OUT_DIR to a new temporary directory. The run is the one the
# report goldens show (Tests/ReportingTests/ReportRun.swift), driven through the CLI with MUSTER_NOW, with a
# notifier that fails for alice. Prints the paths of the HTML files and the PNGs. Installs chromium and a CJK
# font with apt-get when they are missing (as root).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
muster="${1:-$repo/.build/debug/muster}"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/muster-report.XXXXXX")}"
[[ -x "$muster" ]] || { echo "render-report: no muster binary at '$muster' (build it, or pass its path)" >&2; exit 2; }
muster="$(cd "$(dirname "$muster")" && pwd)/$(basename "$muster")"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

install_packages() {
    if [[ "$(id -u)" != 0 ]]; then
        echo "render-report: missing $*; install them (apt-get install $*) or run as root" >&2
        exit 2
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}
command -v chromium >/dev/null || install_packages chromium
fc-list :lang=zh 2>/dev/null | grep -q . || install_packages fonts-wqy-microhei

work="$(mktemp -d "${TMPDIR:-/tmp}/muster-report-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/playbooks"
cp "$repo/Tests/ReportingTests/Fixtures/report-kit.yaml" "$work/playbooks/"
# The notifier: reads the notification on stdin and fails for alice (her phone is off).
cat >"$work/notify.sh" <<'EOF'
payload="$(cat)"
case "$payload" in *'"id":"alice"'*) exit 1 ;; esac
exit 0
EOF

t0=1767225600000  # 2026-01-01 00:00:00Z
run_id=cooling
at() {  # at MINUTES PERSON ARGS...: runs muster at t0 + MINUTES as PERSON
    local minutes="$1" person="$2"
    shift 2
    local now
    now=$(awk -v t="$t0" -v m="$minutes" 'BEGIN { printf "%.0f", t + m * 60000 }')
    local errors
    if ! errors=$(cd "$work" && MUSTER_PLAYBOOKS="$work/playbooks" MUSTER_NOW="$now" MUSTER_AS="$person" \
        MUSTER_NOTIFY="/bin/sh $work/notify.sh" "$muster" "$@" 2>&1 >/dev/null); then
        echo "render-report: 'muster $*' at +${minutes}m failed: $errors" >&2
        return 1
    fi
}
refused() {  # the same, for a command that must be refused
    if at "$@" 2>/dev/null; then echo "render-report: '${*:3}' was not refused" >&2; exit 1; fi
}

at 0 alice start report-kit --run-id "$run_id" --assign commander=alice --assign tech_lead=carol --assign on_site=bob
at 1 alice note "$run_id" "Room temperature at 35 °C and rising; two cooling units show alarms." --section phenomenon
at 2.5 bob done "$run_id" report
at 4 alice grade "$run_id" severe --why "Two of the three cooling units are down"
at 5 alice record "$run_id" cause=compressor
at 5 alice note "$run_id" "Rack row C throttled its CPUs; no service lost yet." --section impact
at 7 alice regrade "$run_id" fatal --why "The third unit tripped; 38 °C at the cold aisle"
at 11 alice done "$run_id" assess
at 12 alice decide "$run_id" choose_plan spare --why "The spare unit is on site"
refused 13 bob approve "$run_id" shed_load
at 14 alice approve "$run_id" shed_load --why "Batch jobs can move to the backup room"
at 20 alice handover "$run_id" tech_lead --to erin
at 21 bob note "$run_id" "工业风扇已从三楼借到，正在架设。"
at 26 erin done "$run_id" spare_unit
at 41 erin done "$run_id" restore
at 43 erin note "$run_id" "Compressor bearing seized; no maintenance since March." --section cause
at 47 alice status "$run_id"
at 48 alice note "$run_id" "The spare unit carried the load; the failed unit is repaired and running." --section handling
at 50 alice note "$run_id" "Quarterly compressor checks; the temperature alarm lowered to 30 °C." --section prevention
at 52 alice note "$run_id" "Nobody reached the commander's phone: give every role a second contact." --section lesson
at 80 alice done "$run_id" written_report
at 85 wang.fang signoff "$run_id"

shoot() {  # shoot HTML PNG WIDTH HEIGHT
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --screenshot="$2" --window-size="$3,$4" "file://$1" >/dev/null 2>&1
    [[ -s "$2" ]] || { echo "render-report: chromium wrote no $2" >&2; exit 1; }
    echo "$2"
}

for lang in en zh; do
    for kind in full work; do
        html="$out/report-$kind-$lang.html"
        rm -f "$html"
        at 90 alice report "$run_id" --kind "$kind" --format html --lang "$lang" --out "$html" 2>/dev/null
        echo "$html"
    done
    shoot "$out/report-full-$lang.html" "$out/report-full-$lang-375.png" 375 2400
    shoot "$out/report-full-$lang.html" "$out/report-full-$lang-1200.png" 1200 2400
    shoot "$out/report-work-$lang.html" "$out/report-work-$lang-375.png" 375 2400
done
