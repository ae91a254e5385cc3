#!/usr/bin/env bash
# Benchmarks the exact dense vector scan (int8 + float re-scoring) at 10k, 100k and 1M synthetic 512-d vectors
# and prints one Markdown table. Extra arguments go to the benchmark, e.g.
#
#   tools/bench-vectors.sh --sizes 10000,100000 --queries 300
#
# The 1M size holds ~2.5 GB (floats + int8 codes); leave it out on a small machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# Release build: Debug timings say nothing. Its log is shown only when it fails, so the output stays the table.
build_log="$(mktemp)"
trap 'rm -f -- "$build_log"' EXIT
if ! dotnet build tools/KnowledgeBase.Benchmarks -c Release -v quiet -nologo >"$build_log" 2>&1; then
    cat "$build_log" >&2; exit 1
fi
exec dotnet tools/KnowledgeBase.Benchmarks/bin/Release/net10.0/KnowledgeBase.Benchmarks.dll dense "$@"
