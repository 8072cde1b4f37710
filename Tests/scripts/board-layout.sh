#!/usr/bin/env bash
# Checks the HTML board's layout in headless Chromium: at 375 px (a phone) and 1200 px (a desktop), in English and
# Chinese, on the run page and a person's page, nothing overflows sideways, and every active step's owner and time
# left is on screen. The run has long unbroken names and notes, the worst case for a narrow screen.
#
#   Tests/scripts/board-layout.sh [MUSTER_BINARY] [OUT_DIR]
#
# MUSTER_BINARY defaults to .build/debug/muster; OUT_DIR (the pages, the harness and what Chromium measured) to a
# new temporary directory. Exit 0 when every page passes, 1 naming the pages that fail, 2 when something is
# missing. Installs chromium with apt-get when it is missing (as root).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
muster="${1:-$repo/.build/debug/muster}"
out="${2:-$(mktemp -d "${TMPDIR:-/tmp}/muster-board.XXXXXX")}"
[[ -x "$muster" ]] || { echo "board-layout: no muster binary at '$muster' (build it, or pass its path)" >&2; exit 2; }
muster="$(cd "$(dirname "$muster")" && pwd)/$(basename "$muster")"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v chromium >/dev/null; then
    if [[ "$(id -u)" != 0 ]]; then
        echo "board-layout: chromium is missing; install it (apt-get install chromium) or run as root" >&2
        exit 2
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi

export MUSTER_RUNS="$out/runs" MUSTER_NOW=1763780400000 TZ=Asia/Shanghai
long_name="a_responder_with_a_long_unbroken_name_no_phone_fits_on_one_line"   # 63: names stop at 64
"$muster" start "$repo/Tests/CLITests/Fixtures/runs/three-roles.yaml" --run-id layout \
    --assign "commander=$long_name" --assign tech_lead=ben --assign on_site=cid >/dev/null 2>"$out/start.err" \
    || { cat "$out/start.err" >&2; exit 2; }
"$muster" note layout "$(printf 'x%.0s' {1..300}) <b>not bold</b> https://example.invalid/$(printf 'y%.0s' {1..120})" \
    --as ben >/dev/null 2>&1
export MUSTER_NOW=1763781000000   # ten minutes on: some steps overdue, escalations asked for
"$muster" watch layout --html "$out/board" --exit-after 1s >/dev/null 2>&1

pages=(index.html index.zh.html "person-$long_name.html" person-cid.zh.html)
widths=(375 1200)
frames=""
for page in "${pages[@]}"; do
    for width in "${widths[@]}"; do
        frames+="<iframe data-page=\"$page\" data-width=\"$width\" src=\"$page\" style=\"width:${width}px;height:3000px;border:0\"></iframe>"
    done
done
cat >"$out/board/harness.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
$frames
<pre id="result"></pre>
<script>
window.addEventListener('load', function () {
  var lines = [];
  document.querySelectorAll('iframe').forEach(function (frame) {
    var doc = frame.contentDocument, width = frame.clientWidth;
    var name = frame.dataset.page + '@' + frame.dataset.width;
    if (!doc || !doc.body) { lines.push('FAIL ' + name + ' not loaded'); return; }
    var wide = doc.documentElement.scrollWidth;
    var problems = [];
    if (wide > width) problems.push('overflows: ' + wide + 'px wide');
    doc.querySelectorAll('body *').forEach(function (element) {
      var box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) problems.push(element.tagName.toLowerCase() + '.' + element.className + ' ends at ' + Math.round(box.right));
    });
    var steps = doc.querySelectorAll('li.step');
    steps.forEach(function (step) {
      // Every step shows its owner; every step with a deadline, its time left.
      (step.classList.contains('timed') ? ['owner', 'left'] : ['owner']).forEach(function (cls) {
        var part = step.querySelector('.' + cls);
        if (!part) { problems.push('a step without .' + cls); return; }
        var box = part.getBoundingClientRect(), style = frame.contentWindow.getComputedStyle(part);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none'
            || box.left < 0 || box.right > width + 0.5) problems.push('.' + cls + ' not visible');
      });
    });
    if (steps.length === 0) problems.push('no active step shown');
    lines.push((problems.length ? 'FAIL ' : 'ok ') + name + ' (' + steps.length + ' steps)'
      + (problems.length ? ': ' + problems.slice(0, 5).join('; ') : ''));
  });
  var mark = 'MEASURED';
  document.getElementById('result').textContent = '<' + mark + '>\n' + lines.join('\n') + '\n</' + mark + '>';
});
</script></body></html>
HTML

chromium --headless --no-sandbox --disable-gpu --allow-file-access-from-files --virtual-time-budget=8000 \
    --dump-dom "file://$out/board/harness.html" 2>/dev/null >"$out/measured.html"
result="$(sed -n '/&lt;MEASURED&gt;$/,/^&lt;\/MEASURED&gt;/p' "$out/measured.html" | sed '1d;$d')"
if [[ -z "$result" ]]; then
    echo "board-layout: Chromium measured nothing (see $out/measured.html)" >&2
    exit 2
fi
echo "$result"
echo "pages: $out/board"
if grep -q '^FAIL' <<<"$result"; then exit 1; fi
