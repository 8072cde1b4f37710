#!/usr/bin/env bash
# Renders every report kind as a reader gets it and fails when any of it does not fit its page.
#
#   Tests/scripts/render-report.sh [MUSTER_BINARY] [OUT_DIR]
#
# MUSTER_BINARY defaults to .build/debug/muster; OUT_DIR to a new temporary directory. Drives, through the CLI with
# MUSTER_NOW and a notifier that fails for alice, the run the report goldens show (Tests/ReportingTests) plus a
# note with a very long unbroken word, and an unattended drill; then writes, in English and in Chinese:
#   the run report, the fault report and the work report of the run; the fault report and the drill report of the
#   drill; the paper checklists of two playbooks and of a copy of water-leak with a 302-character network path in
#   an instruction; the statistics page.
# Each HTML file is measured in headless Chromium at 375 px and 1200 px wide, and at the width of an A4 page's
# text (703 px): a test page holds every report in an <iframe> of that width, and its script writes into the
# page every element that reaches past the page's edge or is cut by its own overflow (hidden, auto, scroll,
# clip), read back with --dump-dom. Each file is also printed to PDF (A4), and `pdftotext -bbox` must show no word
# past the page's edges; every page of a run report, a drill report and a paper checklist must say "page N of M" (pdftotext), and a Chinese run report,
# drill report and statistics page must show no English word or internal id outside what people wrote. Prints what it checked; exits 1 naming every
# offender. SHOTS=1 also writes screenshots.
# Installs chromium, poppler-utils and a CJK font with apt-get when they are missing (as root).
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
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
[[ ${#missing[@]} -eq 0 ]] || install_packages "${missing[@]}"

work="$(mktemp -d "${TMPDIR:-/tmp}/muster-report-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/playbooks"
cp "$repo/Tests/ReportingTests/Fixtures/report-kit.yaml" "$work/playbooks/"
cp -r "$repo/Playbooks/." "$work/playbooks/"
# A copy of water-leak whose first instruction ends with a 302-character network path: the paper must break it.
mkdir -p "$work/long-word"
long_path='\\fileserver\'"$(printf 'leak-records-%.0s' {1..22})end"
LONG_PATH="$long_path" perl -pe 's/(report to the emergency team\.|并及时报告应急处理小组。)$/$1 $ENV{LONG_PATH}/' \
    "$repo/Playbooks/water-leak.yaml" >"$work/long-word/water-leak.yaml"
[[ $(grep -c 'leak-records-leak' "$work/long-word/water-leak.yaml") == 2 ]] \
    || { echo "render-report: the long path did not reach the copy of water-leak" >&2; exit 1; }
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
        MUSTER_NOTIFY="/bin/sh $work/notify.sh" "$muster" "$@" 2>&1 >"${stdout_to:-/dev/null}"); then
        echo "render-report: 'muster $*' at +${minutes}m failed: $errors" >&2
        return 1
    fi
}
refused() {  # the same, for a command that must be refused
    if at "$@" 2>/dev/null; then echo "render-report: '${*:3}' was not refused" >&2; exit 1; fi
}

# Text people write (notes, reasons, the title, values): said() records it, so that the Chinese check below can
# tell it from the report's own words wherever it shows.
said() {
    printf '%s\n' "$1" >>"$work/written"
    printf '%s' "$1"
}
: >"$work/written"

long_word="$(printf 'x%.0s' {1..400})"
at 0 alice start report-kit --run-id "$run_id" --assign commander=alice --assign tech_lead=carol --assign on_site=bob \
    --title "$(said "Cooling failure in machine room B, row C")"
at 1 alice note "$run_id" "$(said "Room temperature at 35 °C and rising; two cooling units show alarms.")" --section phenomenon
at 2.5 bob done "$run_id" report
at 4 alice grade "$run_id" severe --why "$(said "Two of the three cooling units are down")"
at 5 alice record "$run_id" "cause=$(said compressor)"
at 5 alice note "$run_id" "$(said "Rack row C throttled its CPUs; no service lost yet.")" --section impact
at 7 alice regrade "$run_id" fatal --why "$(said "The third unit tripped; 38 °C at the cold aisle")"
at 11 alice done "$run_id" assess
at 12 alice decide "$run_id" choose_plan spare --why "$(said "The spare unit is on site")"
refused 13 bob approve "$run_id" shed_load
refused 13.5 bob tick "$run_id" confirm stable
at 14 alice approve "$run_id" shed_load --why "$(said "Batch jobs can move to the backup room")"
at 20 alice handover "$run_id" tech_lead --to erin
at 21 bob note "$run_id" "$(said "工业风扇已从三楼借到，正在架设。")"
at 22 bob note "$run_id" "$(said "Log: \\\\fileserver\\share\\cooling\\$long_word")" --section handling
at 26 erin done "$run_id" spare_unit
at 41 erin done "$run_id" restore
at 43 erin note "$run_id" "$(said "Compressor bearing seized; no maintenance since March.")" --section cause
at 47 alice status "$run_id"
at 48 alice note "$run_id" "$(said "The spare unit carried the load; the failed unit is repaired and running.")" --section handling
at 50 alice note "$run_id" "$(said "Quarterly compressor checks; the temperature alarm lowered to 30 °C.")" --section prevention
at 52 alice note "$run_id" "$(said "Nobody reached the commander's phone: give every role a second contact.")" --section lesson
at 80 alice done "$run_id" written_report
at 85 wang.fang signoff "$run_id"
drill=drill-leak
at 0 alice drill run water-leak-late-report --run-id "$drill"

files=()
render() {  # render NAME ARGS...: writes $out/NAME.html, what muster ARGS --format html prints
    local name="$1"
    shift
    stdout_to="$out/$name.html" at 90 alice "$@" --format html
    files+=("$name")
}
for lang in en zh; do
    tz=UTC
    [[ $lang == zh ]] && tz=Asia/Shanghai
    for kind in full fault work; do
        render "report-$kind-$lang" report "$run_id" --kind "$kind" --lang "$lang" --tz "$tz"
    done
    render "drill-fault-$lang" report "$drill" --kind fault --lang "$lang" --tz "$tz"
    render "drill-report-$lang" drill report "$drill" --lang "$lang"
    render "print-water-leak-$lang" print water-leak --lang "$lang"
    render "print-fire-$lang" print fire --lang "$lang"
    render "print-long-word-$lang" print "$work/long-word/water-leak.yaml" --lang "$lang"
    render "stats-$lang" stats --lang "$lang" --tz "$tz"
done

# The test page: one iframe per report and width; the script lists what overflows or is clipped.
widths=(375 703 1200)
page="$out/measure.html"
{
    echo '<!doctype html><html><head><meta charset="utf-8"></head><body><pre id="result">pending</pre><script>'
    echo 'const frames = ['
    for name in "${files[@]}"; do
        for width in "${widths[@]}"; do echo "  [\"$name.html\", $width],"; done
    done
    cat <<'EOF'
];
const offenders = [];
let pending = frames.length;
function label(element) {
  const classes = typeof element.className === "string" && element.className ? "." + element.className.trim().split(/\s+/).join(".") : "";
  const text = (element.textContent || "").replace(/\s+/g, " ").trim().slice(0, 50);
  return element.tagName.toLowerCase() + classes + (text ? " \"" + text + "\"" : "");
}
function hidden(element, view) {
  // A visually hidden element (the column headers of a table shown as cards) is clipped on purpose.
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    if (style.clip && style.clip !== "auto") return true;
    if (style.display === "none" || style.visibility === "hidden") return true;
  }
  return false;
}
function measure(frame, file, width) {
  const doc = frame.contentDocument, view = frame.contentWindow;
  const where = file + " @" + width + "px: ";
  if (!doc || !doc.body) { offenders.push(where + "the page could not be read"); return; }
  const root = doc.documentElement;
  if (root.scrollWidth > width + 1) offenders.push(where + "the page is " + root.scrollWidth + "px wide");
  for (const element of doc.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (hidden(element, view)) continue;
    if (box.right > width + 1 || box.left < -1) {
      offenders.push(where + label(element) + " reaches " + Math.round(box.left) + ".." + Math.round(box.right) + "px");
    }
    const overflow = view.getComputedStyle(element).overflowX;
    if (overflow !== "visible" && element.scrollWidth > element.clientWidth + 1) {
      offenders.push(where + label(element) + " cuts " + (element.scrollWidth - element.clientWidth) + "px (overflow-x: " + overflow + ")");
    }
  }
}
function done() {
  document.getElementById("result").textContent = "measured " + frames.length + " pages\n" + offenders.join("\n");
}
for (const [file, width] of frames) {
  const frame = document.createElement("iframe");
  frame.style.width = width + "px";
  frame.style.height = "2000px";
  frame.style.border = "0";
  frame.onload = () => { measure(frame, file, width); if (--pending === 0) done(); };
  frame.src = file;
  document.body.appendChild(frame);
}
</script></body></html>
EOF
} >"$page"

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1)
dom="$("${chrome[@]}" --allow-file-access-from-files --virtual-time-budget=30000 --window-size=1300,1000 \
    --dump-dom "file://$page" 2>/dev/null)"
result="$(perl -0777 -ne 'print $1 if /<pre id="result">(.*?)<\/pre>/s' <<<"$dom")"
failures=0
measured="$(head -n 1 <<<"$result")"
if [[ "$measured" != "measured "* ]]; then
    echo "render-report: the test page did not finish measuring: ${result:0:200}" >&2
    failures=$((failures + 1))
fi
offenders="$(tail -n +2 <<<"$result" | sed -e 's/&amp;/\&/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' | grep . || true)"
if [[ -n "$offenders" ]]; then
    echo "render-report: elements wider than their page or cut by their overflow:" >&2
    sed 's/^/  /' <<<"$offenders" >&2
    failures=$((failures + $(wc -l <<<"$offenders")))
fi

# Paper: A4 PDFs; no word may lie past a page's edges.
cut_words=0
page_numbers=0
for name in "${files[@]}"; do
    "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$out/$name.html" >/dev/null 2>&1
    [[ -s "$out/$name.pdf" ]] || { echo "render-report: chromium wrote no $name.pdf" >&2; failures=$((failures + 1)); continue; }
    pdftotext -bbox "$out/$name.pdf" "$out/$name.bbox.html"
    cut="$(awk -v file="$name.pdf" '
        /<page / { match($0, /width="[0-9.]+"/); width = substr($0, RSTART + 7, RLENGTH - 8) + 0; page++ }
        /<word / {
            match($0, /xMin="[-0-9.]+"/); xmin = substr($0, RSTART + 6, RLENGTH - 7) + 0
            match($0, /xMax="[-0-9.]+"/); xmax = substr($0, RSTART + 6, RLENGTH - 7) + 0
            if (xmin < 0 || xmax > width) {
                word = $0; sub(/^[^>]*>/, "", word); sub(/<.*$/, "", word)
                printf "%s page %d: \"%s\" at x %.0f..%.0f of %.0f pt\n", file, page, substr(word, 1, 40), xmin, xmax, width
            }
        }' "$out/$name.bbox.html")"
    if [[ -n "$cut" ]]; then
        echo "render-report: words cut at the edge of the paper:" >&2
        sed 's/^/  /' <<<"$cut" >&2
        cut_words=$((cut_words + $(wc -l <<<"$cut")))
    fi
    pages=$(grep -c '<page ' "$out/$name.bbox.html" || true)
    echo "$name: $pages A4 pages"
    # A run report, a drill report and a paper checklist number their pages: "page N of M" (第 N 页，共 M 页) at the
    # foot of each.
    if [[ $name == report-* || $name == drill-fault-* || $name == drill-report-* || $name == print-* ]]; then
        pdftotext -layout "$out/$name.pdf" "$out/$name.txt"
        numbered=0
        for ((n = 1; n <= pages; n++)); do
            if [[ $name == *-zh ]]; then pattern="第 $n 页，共 $pages 页"; else pattern="page $n of $pages"; fi
            grep -qF "$pattern" "$out/$name.txt" && numbered=$((numbered + 1))
        done
        if [[ $numbered -ne $pages ]]; then
            echo "render-report: $name.pdf: $numbered of its $pages pages say 'page N of $pages'" >&2
            failures=$((failures + 1))
        else
            page_numbers=$((page_numbers + 1))
        fi
    fi
done
failures=$((failures + cut_words))

# Chinese complete: what a Chinese run report shows of its own words holds no English word and no internal id, the
# messages the engine journaled included (notification texts, refusal reasons, why a step was cancelled: said from
# their codes with the playbook's titles), and so do the report's sentences around what people wrote (the timeline's
# events). Left out: the texts people wrote (what said() recorded) wherever they show, ids and hashes (<code>),
# commands to type, program paths, the style sheet and tooltips; what remains may name only the hash, the JSON
# report and the time zone, and the names this script and the drill give their people (a refusal's sentence names
# who was refused and who holds the role).
allowed=' SHA JSON UTC Asia Shanghai alice bob carol dave erin wang.fang '
# The drill report also names the scenario's players, quotes its injects (the rack B12) and rates with the exercise
# grades P, S, M and U (its legend says each in Chinese); the statistics page names the runs by the ids people gave
# them.
drill_allowed=' dana dave grace B P S M U '
stats_allowed=" $run_id "
leftovers=""
for name in "${files[@]}"; do
    [[ ( $name == report-*-zh || $name == drill-fault-zh || $name == drill-report-zh || $name == stats-zh ) ]] || continue
    also=''
    [[ $name == drill-report-zh ]] && also="$drill_allowed"
    [[ $name == stats-zh ]] && also="$stats_allowed"
    words="$(WRITTEN="$work/written" perl -0777 -pe '
        BEGIN {
            local $/ = "\n";   # -0777 reads the report whole, the written texts a line each
            open my $in, "<:raw", $ENV{WRITTEN} or die "written: $!";
            @written = sort { length $b <=> length $a } grep { length } map { chomp; $_ } <$in>;
        }
        s{<style\b.*?</style>}{}gs; s{<title\b.*?</title>}{}gs;   # the style sheet; tooltips repeat the text
        s{<code\b.*?</code>}{}gs; s{</?bdi>}{}g;
        s{&#39;}{\x27}g; s{&quot;}{"}g; s{&amp;}{&}g;
        for my $text (@written) { s{\Q$text\E}{ }g }   # what people wrote, wherever it shows
        s{\x27muster [^\x27]*\x27}{}g; s{muster(?: [\x21-\x7e]+)+}{}g;   # a command to type, in a hint
        s{\x27/[^\x27]*\x27}{}g;          # a program by its path, in a notifier failure
        s{<[^>]*>}{ }g; s{&[a-z#0-9]+;}{ }g' "$out/$name.html" \
        | grep -oE '[A-Za-z][A-Za-z_]*([.-][A-Za-z_]+)*' | sort -u)"
    for word in $words; do
        [[ $allowed == *" $word "* || $also == *" $word "* ]] || leftovers+="  $name.html: '$word'"$'\n'
    done
done
if [[ -n "$leftovers" ]]; then
    echo "render-report: English words or internal ids in the Chinese reports, drill report or statistics:" >&2
    printf '%s' "$leftovers" >&2
    failures=$((failures + $(printf '%s' "$leftovers" | wc -l)))
fi

if [[ "${SHOTS:-0}" == 1 ]]; then
    for name in "${files[@]}"; do
        "${chrome[@]}" --screenshot="$out/$name-1200.png" --window-size=1200,2400 "file://$out/$name.html" >/dev/null 2>&1
        echo "$out/$name-1200.png"
    done
fi

echo "render-report: checked ${#files[@]} HTML documents (${files[*]}) at ${widths[*]} px (${measured:-nothing measured})"
echo "render-report: printed ${#files[@]} A4 PDFs; $cut_words words past a page's edges; $page_numbers run reports, drill reports and paper checklists say 'page N of M' on every page"
echo "render-report: the Chinese run reports, drill report and statistics page checked for English words and internal ids outside what people wrote"
echo "render-report: output in $out"
if [[ $failures -gt 0 ]]; then
    echo "render-report: FAILED: $failures problems" >&2
    exit 1
fi
echo "render-report: every document fits its page"
