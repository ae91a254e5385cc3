#!/usr/bin/env bash
# Compares this project's in-process search latency with Lucene Java's on the same pages and the same queries, in
# one run. Lucene Java comes from Debian (liblucene8-java: package 8.8.1, whose jars say 8.7.0) with a JDK
# (default-jdk-headless); both are installed with apt when missing.
#
#   tools/bench-lucene-java.sh [INDEX_DIR]
#
# INDEX_DIR is an index of ../shared/corpus made by `kb ingest ../shared/corpus --index INDEX_DIR`; without it the
# script makes (once, then reuses) .kb/bench-lucene/index, which takes a while (scanned pages are read by OCR).
# Steps: the page texts stored in that index and a query list (the dev set's queries plus 300 sentences of the pages)
# are exported; Lucene Java indexes the pages (one document a page, EnglishAnalyzer, BM25) and times the queries,
# top 10, warm (two passes, then one measured); this project times the same queries through SearchService, bm25 and
# hybrid (the query's embedding included), top 10, warm, uncached. Prints one Markdown table.
set -euo pipefail
if [[ $# -ge 1 ]]; then index="$(realpath -m -- "$1")"; fi
cd "$(dirname "$0")/.."
work="$PWD/.kb/bench-lucene"
index="${index:-$work/index}"
mkdir -p "$work"

sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
missing=()
command -v javac >/dev/null || missing+=(default-jdk-headless)
ls /usr/share/java/lucene-core-8*.jar >/dev/null 2>&1 || missing+=(liblucene8-java)
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "bench-lucene-java: installing ${missing[*]}" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

log="$work/build.log"
for project in src/KnowledgeBase.Cli tools/KnowledgeBase.Benchmarks; do
    dotnet build "$project" -c Release -v quiet -nologo >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
done
bench=(dotnet tools/KnowledgeBase.Benchmarks/bin/Release/net10.0/KnowledgeBase.Benchmarks.dll)

if [[ ! -d "$index" ]] || ! ls "$index"/segments_* >/dev/null 2>&1; then
    echo "bench-lucene-java: indexing ../shared/corpus into $index (once)" >&2
    dotnet src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll ingest ../shared/corpus --index "$index" >"$work/ingest.log" 2>&1
fi

"${bench[@]}" export-pages --index "$index" --dev-queries tests/eval/dev-queries.jsonl --out "$work" >&2

jars=$(ls /usr/share/java/lucene-core-8*.jar /usr/share/java/lucene-analyzers-common-8*.jar /usr/share/java/lucene-queryparser-8*.jar | paste -sd:)
lucene_version=$(basename "$(ls /usr/share/java/lucene-core-8*.jar | head -1)" .jar | sed 's/lucene-core-//')
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jars" tools/lucene-java/LuceneBench.java
java -cp "$work/classes:$jars" LuceneBench "$work/pages.tsv" "$work/queries.txt" "$work/lucene-index" >"$work/lucene.out"
read -r _ _ j50 j95 j99 jmean pages < <(grep '^RESULT lucene-java ' "$work/lucene.out")
read -r _ _ e50 e95 e99 emean _ < <(grep '^RESULT lucene-java-exact ' "$work/lucene.out")

profile="$work/profile.md"
"${bench[@]}" search-profile --index "$index" --queries "$work/queries.jsonl" >"$profile"
row() { grep "^| $1 |" "$profile" | tail -1 | awk -F'|' '{gsub(/ /, ""); print $3, $4, $5, $6, $7, $8}'; }
read -r b50 b95 b99 bmean bcpu50 bcpu99 < <(row bm25) || true
read -r h50 h95 h99 hmean hcpu50 hcpu99 < <(row hybrid) || true  # absent when the index's model is not the configured one
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }

echo "Pages: $pages (from $index); queries: $(wc -l <"$work/queries.txt"); load when finished: $(uptime | sed 's/.*load average: //')"
echo "Lucene Java $lucene_version (Debian liblucene8-java $(dpkg-query -W -f='${Version}' liblucene8-java 2>/dev/null)), $(java -version 2>&1 | head -1)"
echo
echo "| engine | what is timed | p50 ms | p95 ms | p99 ms | mean ms | p50 / Lucene Java p50 |"
echo "|---|---|---:|---:|---:|---:|---:|"
echo "| Lucene Java | parse + top 10, one field a page | $j50 | $j95 | $j99 | $jmean | 1.0× |"
echo "| Lucene Java, every hit counted | the same, without block-max WAND (as Lucene.Net 4.8 always scores) | $e50 | $e95 | $e99 | $emean | $(ratio "$e50" "$j50") |"
echo "| KnowledgeBase bm25 | SearchService: passages in every language's fields, top 10 with snippets | $b50 | $b95 | $b99 | $bmean | $(ratio "$b50" "$j50") |"
echo "| KnowledgeBase hybrid | the same plus the query's embedding, dense scan and fusion | $h50 | $h95 | $h99 | $hmean | $(ratio "$h50" "$j50") |"
echo
echo "KnowledgeBase thread CPU per query (what a search costs whatever else the machine runs): bm25 p50 ${bcpu50:-?} ms, p99 ${bcpu99:-?} ms; hybrid p50 ${hcpu50:-?} ms, p99 ${hcpu99:-?} ms (the model's own threads not included)."
echo
echo "Stage breakdown of the project's side over the same queries:"
echo
sed -n '/^| stage/,/^| \*\*total/p' "$profile"
