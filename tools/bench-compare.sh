#!/usr/bin/env bash
# Times a 40-country × 10-topic comparison in process (kb compare's and POST /api/compare's code path) and prints
# a Markdown table with the load average beside it. Without --index it first builds a keyword-only index of
# ../shared/corpus/{pdf,text} and ../shared/seed in a temporary folder (the comparison uses no embeddings).
#
#   tools/bench-compare.sh [--index DIR] [--countries 40] [--topics 10] [--runs 20]
set -euo pipefail
cd "$(dirname "$0")/.."

build_log="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf -- "$build_log" "$work"' EXIT
if ! { dotnet build tools/KnowledgeBase.Benchmarks -c Release -v quiet -nologo && dotnet build src/KnowledgeBase.Cli -c Release -v quiet -nologo; } >"$build_log" 2>&1; then
    cat "$build_log" >&2; exit 1
fi
args=("$@")
if [[ " $* " != *" --index "* ]]; then
    KB__Embeddings__Provider=none dotnet src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll ingest \
        ../shared/corpus/pdf ../shared/corpus/text ../shared/seed --index "$work/index" >/dev/null
    args+=(--index "$work/index")
fi
exec dotnet tools/KnowledgeBase.Benchmarks/bin/Release/net10.0/KnowledgeBase.Benchmarks.dll compare "${args[@]}"
