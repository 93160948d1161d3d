#!/usr/bin/env bash
# How fast the story editor's live preview follows typing in a 5,000-word story.
#
#   tests/bench/live-preview.sh
#
# Builds the browser suite in Release and runs its LivePreviewBenchmark class: the real server as a child process, a
# 5,000-word story opened in the editor in Debian's Chromium, then 5 warm-up and 20 measured keystrokes, each timed in
# the page from the textarea's input event until a MutationObserver sees the preview's DOM show it. Prints the median,
# p95, min and max of those, and of the server-side render alone, and keeps them in tests/TestResults/live-preview.md.
#
# Knobs (environment): NEWSCMS_TEST_CHROMIUM (/usr/bin/chromium).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$repo_root/tests/NewsCms.BrowserTests"
export NEWSCMS_TEST_CHROMIUM="${NEWSCMS_TEST_CHROMIUM:-/usr/bin/chromium}"
export NEWSCMS_BENCHMARK=1

[[ -x "$NEWSCMS_TEST_CHROMIUM" ]] || { echo "live-preview: Chromium not found at $NEWSCMS_TEST_CHROMIUM" >&2; exit 1; }
dotnet build "$project" -c Release -v q -nologo >&2
rm -f "$repo_root/tests/TestResults/live-preview.md"
dotnet "$project/bin/Release/net10.0/NewsCms.BrowserTests.dll" -class 'NewsCms.BrowserTests.Stories.LivePreviewBenchmark' >&2
cat "$repo_root/tests/TestResults/live-preview.md"
