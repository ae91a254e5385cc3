#!/usr/bin/env bash
# Dev-set quality of the built-in model per precision and max length: one keyword-only index of the corpus, copied
# and re-embedded (`kb reindex --embeddings`) per configuration, then `kb eval --compare` on each, so every
# configuration ranks the very same passages. Prints each configuration's tables and its re-embedding cost.
#
#   tools/eval-embeddings.sh [CONFIG…]      CONFIG = PRECISION-MAXTOKENS; default: int8-256 fp32-256 int8-512
#
# The corpus is ../shared/corpus/{pdf,text} and ../shared/seed, as the dev set's judgements are; OCR is off
# (KB__Ocr__Enabled=false), which only the four scanned-page queries (ocr01–ocr04) notice, alike in every column.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d ../shared/corpus ]] || { echo "eval-embeddings: needs ../shared/corpus" >&2; exit 2; }
configs=("$@"); [[ ${#configs[@]} -gt 0 ]] || configs=(int8-256 fp32-256 int8-512)

build_log="$(mktemp)"
dotnet build src/KnowledgeBase.Cli -c Release -v quiet -nologo >"$build_log" 2>&1 || { cat "$build_log" >&2; exit 1; }
rm -f -- "$build_log"
kb_dll=src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll
kb() { dotnet "$kb_dll" "$@"; }
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
export KB__Ocr__Enabled=false

KB__Embeddings__Provider=none kb ingest ../shared/corpus/pdf ../shared/corpus/text ../shared/seed --index "$work/none" --json >/dev/null
for config in "${configs[@]}"; do
    precision="${config%-*}"; tokens="${config#*-}"
    cp -r "$work/none" "$work/$config"
    export KB__Embeddings__Precision="$precision" KB__Embeddings__MaxTokens="$tokens"
    # Reindexing embeds one document after another, so give a forward pass every core. GNU time runs a program,
    # not the shell function kb.
    KB__Embeddings__Threads=0 /usr/bin/time -v -o "$work/$config.time" dotnet "$kb_dll" reindex --embeddings --index "$work/$config" >/dev/null
    echo "## $config (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    awk -F': ' '/Elapsed \(wall/ {print "re-embedding: " $2 " wall"} /Maximum resident/ {print "peak RSS: " int($2 / 1024) " MB"}' "$work/$config.time"
    echo
    kb eval --queries tests/eval/dev-queries.jsonl --qrels tests/eval/dev-qrels.tsv --compare --index "$work/$config"
    echo
    rm -rf -- "$work/$config"
done
