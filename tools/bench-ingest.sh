#!/usr/bin/env bash
# Benchmarks whole-corpus ingestion with `kb ingest` and compares its PDF handling with poppler's
# pdftotext, the usual baseline for "how fast can text come out of these PDFs at all".
#
#   tools/bench-ingest.sh [CORPUS_DIR]     (default: ../shared/corpus, relative to the repo root)
#
# kb does more than pdftotext (it also reads the text files, chunks and indexes), so the comparison is
# an upper bound on extraction overhead, not a like-for-like race. Prints one Markdown table.
set -euo pipefail

# A corpus given on the command line is relative to where the caller stands, so resolve it before
# changing directory; the default sits next to the repo (../shared/corpus from the repo root).
if [[ $# -ge 1 ]]; then
    corpus="$(realpath -m -- "$1")"
fi
cd "$(dirname "$0")/.."
corpus="$(realpath -m -- "${corpus:-../shared/corpus}")"
[[ -d "$corpus" ]] || { echo "bench-ingest: corpus folder not found: $corpus" >&2; exit 2; }

# Tools: pdftotext/pdfinfo come with poppler-utils; GNU time (not the shell keyword) gives -v with
# max RSS. Only touch apt when something is missing, and only then refresh its lists.
need=()
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || need+=(poppler-utils)
[[ -x /usr/bin/time ]] || need+=(time)
if [[ ${#need[@]} -gt 0 ]]; then
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "bench-ingest: installing ${need[*]}" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi

# Release build: Debug timings would say little about what users see. Its log is shown only when
# it fails, so the output stays the table.
build_log="$(mktemp)"
if ! dotnet build src/KnowledgeBase.Cli -c Release -v quiet -nologo >"$build_log" 2>&1; then
    cat "$build_log" >&2; rm -f -- "$build_log"; exit 1
fi
rm -f -- "$build_log"
kb_dll="src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll"

# Scratch space for reports and the index; a fresh index, so the first run really ingests everything.
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
index="$work/index"

# Runs a command under GNU time, its report going to $1.time (not stderr, which the command owns).
# The exit status is returned rather than fatal: the caller decides what a failure means.
timed() {
    local name="$1"; shift
    local rc=0
    /usr/bin/time -v -o "$work/$name.time" "$@" || rc=$?
    return "$rc"
}

# 1) First ingest into the empty index: parse + chunk + embed + index for every file of the corpus.
rc=0
timed kb1 dotnet "$kb_dll" ingest "$corpus" --index "$index" --json >"$work/kb1.json" 2>"$work/kb1.err" || rc=$?
if [[ $rc -ne 0 && ! -s "$work/kb1.json" ]]; then
    echo "bench-ingest: kb ingest failed (exit $rc):" >&2; cat "$work/kb1.err" >&2; exit 1
fi

# 1b) The same first ingest with embeddings off, to show what the embed step costs.
rc=0
KB__Embeddings__Provider=none timed kb0 dotnet "$kb_dll" ingest "$corpus" --index "$work/index-no-vectors" --json >"$work/kb0.json" 2>"$work/kb0.err" || rc=$?
if [[ $rc -ne 0 && ! -s "$work/kb0.json" ]]; then
    echo "bench-ingest: kb ingest without embeddings failed (exit $rc):" >&2; cat "$work/kb0.err" >&2; exit 1
fi

# 2) The same ingest again: every file should come back unchanged, so this times the skip path
#    (hashing + index lookups), which is what a scheduled re-run costs.
rc=0
timed kb2 dotnet "$kb_dll" ingest "$corpus" --index "$index" --json >"$work/kb2.json" 2>"$work/kb2.err" || rc=$?
if [[ $rc -ne 0 && ! -s "$work/kb2.json" ]]; then
    echo "bench-ingest: kb re-ingest failed (exit $rc):" >&2; cat "$work/kb2.err" >&2; exit 1
fi

# 3) pdftotext over the same PDFs. xargs runs both variants so that they differ only in -P;
#    -P 2 matches kb, whose ingestion runs Environment.ProcessorCount (2 here) files at once.
#    A PDF pdftotext cannot read makes xargs exit 123; that is a result (counted below via pdfinfo), not a reason to stop.
#    pdftotext is exec'd directly (no shell per file) so start-up cost is pdftotext's alone.
find "$corpus" -type f -iname '*.pdf' -print0 | sort -z >"$work/pdfs"
for p in 1 2; do
    timed "pdf$p" xargs -0 -r -I{} -P "$p" pdftotext -layout {} - \
        <"$work/pdfs" >/dev/null 2>>"$work/pdftotext.err" || true
done

# Page counts from pdfinfo, the same library's view of the files; unreadable ones are listed.
: >"$work/pdfpages"
while IFS= read -r -d '' f; do
    pages="$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')" || true
    printf '%s\t%s\n' "${pages:-ERR}" "$f" >>"$work/pdfpages"
done <"$work/pdfs"

# Report: JSON and the GNU time reports are parsed in python3, which is always present here.
python3 - "$work" "$corpus" <<'PY'
import json, os, sys

work, corpus = sys.argv[1], sys.argv[2]

def timing(name):
    """Wall seconds and max RSS (MB) from a `/usr/bin/time -v` report."""
    wall = rss = None
    for line in open(os.path.join(work, name + ".time")):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            parts = [float(x) for x in line.rsplit(" ", 1)[1].split(":")]
            wall = sum(v * 60 ** i for i, v in enumerate(reversed(parts)))
        elif line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
    return wall, rss

def load(name):
    with open(os.path.join(work, name + ".json")) as f:
        return json.load(f)

kb0, kb1, kb2 = load("kb0"), load("kb1"), load("kb2")
pdf_rows = [l.rstrip("\n").split("\t", 1) for l in open(os.path.join(work, "pdfpages"))]
pdf_pages = sum(int(p) for p, _ in pdf_rows if p != "ERR")
pdf_bad = [f for p, f in pdf_rows if p == "ERR"]

def row(tool, files, pages, name):
    wall, rss = timing(name)
    rate = f"{pages / wall:.0f}" if pages and wall else "–"
    print(f"| {tool} | {files} | {pages} | {wall:.2f} | {rate} | {rss:.0f} |")

print(f"Corpus: {corpus}\n")
print("| tool | files | pages | wall s | pages/s | max RSS MB |")
print("|---|---:|---:|---:|---:|---:|")
row("kb ingest (PDF+text, parse+chunk+embed+index)", len(kb1["files"]), kb1["pages"], "kb1")
row("kb ingest, embeddings off", len(kb0["files"]), kb0["pages"], "kb0")
row("kb re-ingest (unchanged)", len(kb2["files"]), kb2["pages"], "kb2")
row("pdftotext sequential (extract only)", len(pdf_rows), pdf_pages, "pdf1")
row("pdftotext 2 parallel", len(pdf_rows), pdf_pages, "pdf2")

# kb's own clock excludes .NET start-up and the build, so show it next to the wall times above.
kb_pdf_pages = sum(f.get("pages") or 0 for f in kb1["files"]
                   if f["source"].lower().endswith(".pdf") and f["status"] in ("indexed", "replaced"))
print(f"\nkb: {kb1['ingested']} ingested, {kb1['chunks']} chunks, {kb_pdf_pages} PDF pages; "
      f"own clock {kb1['seconds']:.2f} s = {kb1['pagesPerSecond']:.0f} pages/s, {kb1['chunks'] / kb1['seconds']:.0f} chunks/s (no start-up).")
skipped = [f for f in kb1["files"] if f["status"] in ("unchanged", "duplicate", "failed")]
failed = [f for f in kb1["files"] if f["status"] == "failed"]
print(f"kb skipped {len(skipped)} ({len(failed)} failed, {len(skipped) - len(failed)} duplicate/unchanged)"
      + (":" if skipped else "."))
for f in skipped:
    print(f"  - {os.path.relpath(f['source'], corpus)} [{f['status']}]: {f.get('reason') or ''}")
unchanged = sum(f["status"] == "unchanged" for f in kb2["files"])
print(f"kb re-ingest: {unchanged}/{len(kb2['files'])} unchanged, {kb2['ingested']} re-ingested.")
if pdf_bad:
    print(f"pdfinfo could not read {len(pdf_bad)} PDF(s): " + ", ".join(os.path.relpath(f, corpus) for f in pdf_bad))
PY
