#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: restores NuGet packages, builds, tests.
# Ends with one "N passed, N failed, N skipped" line summed over the test projects, after the reasons tests were
# skipped for (once per reason; without ../shared the tests of its third-party corpus skip themselves).
set -uo pipefail
cd "$(dirname "$0")/.."
# The Arabic PDF tests draw glyphs with DejaVu Sans from Debian's fonts-dejavu-core.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  apt-get update -q && apt-get install -y -q fonts-dejavu-core
fi
# The page tests (tests/KnowledgeBase.Web.Tests) drive Debian's Chromium through Playwright's bundled driver;
# nothing is downloaded by Playwright itself.
command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium) || exit 1
tools/install-ocr.sh || exit 1  # the OCR tests read scans with Debian's tesseract-ocr and pdftoppm
tools/install-nats.sh || exit 1  # the cluster tests start real nats-server processes (Debian's, JetStream)
dotnet restore KnowledgeBase.sln || exit 1
dotnet build KnowledgeBase.sln --no-restore -c Release -nologo || exit 1
log=$(mktemp)
dotnet test KnowledgeBase.sln --no-build -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The per-project totals dotnet test prints ("     Passed: 108", "     Failed: 1").
passed=$(grep -E '^ +Passed: +[0-9]+$' "$log" | awk '{ sum += $2 } END { print sum + 0 }')
failed=$(grep -E '^ +Failed: +[0-9]+$' "$log" | awk '{ sum += $2 } END { print sum + 0 }')
skipped=$(grep -E '^ +Skipped: +[0-9]+$' "$log" | awk '{ sum += $2 } END { print sum + 0 }')
# xUnit prints "[xUnit.net 00:00:01.23]     Some.Test [SKIP]" and the reason on the next line.
grep -A1 -E '\[SKIP\]$' "$log" | grep -v -E '\[SKIP\]$|^--$' | sed -E 's/^\[xUnit\.net [0-9:.]+\] +//' \
  | sort | uniq -c | sed -E 's/^ *([0-9]+) (.*)$/skipped \1 (\2)/'
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
rm -f "$log"
exit "$status"
