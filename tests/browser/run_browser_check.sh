#!/bin/sh
# Builds a report from the seed articles as a user would, then loads index.html in headless
# Chromium (check_report.mjs, playwright-core installed by the browser_node_setup test).
# usage: run_browser_check.sh SITMAP SEEDS_DIR OUT_DIR NODE_DIR
set -eu
sitmap=$1 seeds=$2 out=$3 node_dir=$4
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out"
mkdir -p "$out"

# The publication dates a user passes with each seed article (see the seeds' README).
cat > "$out/manifest.csv" <<CSV
file,published
$seeds/000_5910880eccc6c8c0.txt,2023-05-11
$seeds/001_19f7addab04ee640.txt,2023-05-11
$seeds/002_d157015bd8b7b8f1.txt,2022-11-07
$seeds/003_1ae35c016cd00801.txt,2023-05-11
$seeds/004_3605db3ac4ed118d.txt,2022-11-07
CSV

# The seeds live outside the manifest's folder: the user says so.
"$sitmap" report --manifest "$out/manifest.csv" --allow-outside-manifest -o "$out/report"
test -s "$out/report/index.html"
NODE_PATH="$node_dir/node_modules" node "$node_dir/check_report.mjs" "$out/report/index.html" \
    "$out/report/events.geojson" "$out/report_screenshot.png"
# A reader clicks the marks of the maps (the SVGs): each opens its event's row and sentences.
NODE_PATH="$node_dir/node_modules" node "$node_dir/click_marks.mjs" "$out/report" \
    "$out/report/events.geojson"
# Inside the page: a mark leads to its row, the row back to its mark, hover shows the claims,
# the date filter hides what is outside its range; offline, no console errors.
NODE_PATH="$node_dir/node_modules" node "$node_dir/interact_report.mjs" "$out/report/index.html" \
    "$out/report/events.geojson" "$out/report_interact"

# An article whose headline and sentences carry markup (written here): text on the page and in
# the inline map, never elements.
mkdir -p "$out/markup"
cat > "$out/markup/markup.txt" <<'TXT'
Shots at Sotk <script>alert("headline")</script> & <img src=x onerror=alert(1)>

Azerbaijani forces opened fire on Armenian positions near Sotk on 10 May, the Armenian Defence Ministry said <script>alert("sentence")</script>, adding that two soldiers were wounded.

Azerbaijan's Defence Ministry denied the report and accused Armenia of firing first near Sotk "</title><script>alert('title')</script>".
TXT
"$sitmap" -q report "$out/markup/markup.txt" --published 2023-05-11 -o "$out/markup/report"
NODE_PATH="$node_dir/node_modules" node "$node_dir/check_escaping.mjs" "$out/markup/report/index.html"
echo "screenshot: $out/report_screenshot.png"
