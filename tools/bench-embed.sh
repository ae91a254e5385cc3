#!/usr/bin/env bash
# Embedding cost of whole-corpus ingestion: `kb ingest` of the same corpus into a fresh index with embeddings off,
# the built-in model in fp32 and in int8, run interleaved (none, fp32, int8, none, fp32, int8, …) so that a
# neighbour's load falls on every configuration alike. Prints one Markdown table: wall time, peak memory,
# passages/s for each run, then the load average seen before and after.
#
#   tools/bench-embed.sh [CORPUS_DIR…]       (default: ../shared/corpus, relative to the repo root)
#   ROUNDS=2 tools/bench-embed.sh            (each configuration twice; default once)
#   CONFIGS="int8 int8-t2" tools/bench-embed.sh   (a subset; see configure() for the names)
#
# OCR is off (KB__Ocr__Enabled=false): a scanned page costs seconds of Tesseract whatever the model, and would
# hide the embedding figures this script is about. The machine's own figures come with the command below it.
set -euo pipefail

corpus=()
for c in "$@"; do corpus+=("$(realpath -m -- "$c")"); done
cd "$(dirname "$0")/.."
[[ ${#corpus[@]} -gt 0 ]] || corpus=("$(realpath -m -- ../shared/corpus)")
for c in "${corpus[@]}"; do [[ -e "$c" ]] || { echo "bench-embed: not found: $c" >&2; exit 2; }; done
[[ -x /usr/bin/time ]] || { echo "bench-embed: needs GNU time (apt-get install time)" >&2; exit 2; }

build_log="$(mktemp)"
if ! dotnet build src/KnowledgeBase.Cli -c Release -v quiet -nologo >"$build_log" 2>&1; then
    cat "$build_log" >&2; rm -f -- "$build_log"; exit 1
fi
rm -f -- "$build_log"
kb_dll="src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll"

work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT

# The environment of each configuration: the default is the built-in model in int8, one thread a forward pass.
configure() {
    case "$1" in
        none) echo "KB__Embeddings__Provider=none" ;;
        fp32) echo "KB__Embeddings__Precision=fp32" ;;
        int8) echo "KB__Embeddings__Precision=int8" ;;
        fp32-t2) echo "KB__Embeddings__Precision=fp32 KB__Embeddings__Threads=2" ;;
        int8-t2) echo "KB__Embeddings__Precision=int8 KB__Embeddings__Threads=2" ;;
        *) echo "bench-embed: unknown configuration $1" >&2; exit 2 ;;
    esac
}

read -r -a configs <<<"${CONFIGS:-none fp32 int8}"
rounds="${ROUNDS:-1}"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
    for config in "${configs[@]}"; do
        name="$config.$round"
        env $(configure "$config") KB__Ocr__Enabled=false \
            /usr/bin/time -v -o "$work/$name.time" dotnet "$kb_dll" ingest "${corpus[@]}" --index "$work/$name.index" --json \
            >"$work/$name.json" 2>"$work/$name.err" || true
        [[ -s "$work/$name.json" ]] || { echo "bench-embed: $config failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
        rm -rf -- "$work/$name.index"
    done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$rounds" "${configs[@]}" <<'PY'
import json, os, sys

work, rounds, configs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def timing(name):
    wall = rss = cpu = 0.0
    for line in open(os.path.join(work, name + ".time")):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            parts = [float(x) for x in line.rsplit(" ", 1)[1].split(":")]
            wall = sum(v * 60 ** i for i, v in enumerate(reversed(parts)))
        elif line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
        elif line.startswith(("User time", "System time")):
            cpu += float(line.rsplit(" ", 1)[1])
    return wall, rss, cpu

print("| configuration | round | files | passages | wall s | kb's own s | passages/s | CPU s | peak RSS MB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in range(1, rounds + 1):
    for config in configs:
        name = f"{config}.{r}"
        result = json.load(open(os.path.join(work, name + ".json")))
        wall, rss, cpu = timing(name)
        chunks = result["chunks"]
        print(f"| {config} | {r} | {result['ingested']} | {chunks} | {wall:.1f} | {result['seconds']:.1f} | "
              f"{chunks / wall:.1f} | {cpu:.1f} | {rss:.0f} |")
PY
echo
echo "Load average (1, 5, 15 min) before: $load_before; after: $load_after; $(nproc) cores."
