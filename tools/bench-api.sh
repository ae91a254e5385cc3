#!/usr/bin/env bash
# Load-tests the search service with wrk: 50 connections for 20 s per run, each request one of ~20 realistic
# searches (tools/bench-api.lua) repeated ("popular", served by the result cache after the first time) or made
# new with two random words ("distinct"), for mode=bm25 and mode=hybrid: first on an idle service with the whole
# corpus indexed, then on a service that is ingesting the corpus while it is searched.
# Prints one Markdown table.
#
#   tools/bench-api.sh [CORPUS_DIR]     (default: ../shared/corpus; its pdf/ and text/ folders are used)
#
# The benchmarked index lives in .kb/bench-api and is reused by later runs (the first run ingests the corpus).
# A row "while it ingests" starts once the fresh service has committed its first document, so its window searches an
# index that grows, and says how many documents were committed in it.
#   BENCH_DURATION=20s        wrk's time per row
#   BENCH_ROWS=all            idle, ingesting or all
#   BENCH_FACETS=0            1: every request also asks for the facet counts, as the search page does
#   BENCH_INGEST_MODES="bm25 hybrid"
#                             the windows while it ingests, one after the other ("hybrid": hybrid from the first commit)
#   BENCH_API_BIN=DIR         run the KnowledgeBase.Api.dll in DIR (an earlier build, for before/after) instead of
#                             this checkout's, which is then not built
set -euo pipefail
if [[ $# -ge 1 ]]; then corpus="$(realpath -m -- "$1")"; fi
cd "$(dirname "$0")/.."
corpus="$(realpath -m -- "${corpus:-../shared/corpus}")"
[[ -d "$corpus/pdf" || -d "$corpus/text" ]] || { echo "bench-api: no pdf/ or text/ under $corpus" >&2; exit 2; }
duration="${BENCH_DURATION:-20s}"
rows_wanted="${BENCH_ROWS:-all}"
[[ "$rows_wanted" =~ ^(all|idle|ingesting)$ ]] || { echo "bench-api: BENCH_ROWS is all, idle or ingesting, not $rows_wanted" >&2; exit 2; }
api_bin="${BENCH_API_BIN:+$(realpath -m -- "$BENCH_API_BIN")}"
api_bin="${api_bin:-$PWD/src/KnowledgeBase.Api/bin/Release/net10.0}"
[[ -n "${BENCH_API_BIN:-}" && ! -f "$api_bin/KnowledgeBase.Api.dll" ]] && { echo "bench-api: no KnowledgeBase.Api.dll in $api_bin" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "bench-api: installing wrk" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >&2
fi

build_log="$(mktemp)"
if [[ -z "${BENCH_API_BIN:-}" ]] && ! dotnet build src/KnowledgeBase.Api -c Release -v quiet -nologo >"$build_log" 2>&1; then
    cat "$build_log" >&2; rm -f -- "$build_log"; exit 1
fi
rm -f -- "$build_log"

# The corpus as one folder of links: only pdf/ and text/ (not the manifest or README beside them).
bench="$PWD/.kb/bench-api"
stage="$bench/corpus"
rm -rf -- "$stage"
mkdir -p "$stage/pdf" "$stage/text"
for kind in pdf text; do
    # -L: a corpus may itself be a folder of links (a subset of ../shared/corpus for a quick run).
    [[ -d "$corpus/$kind" ]] && find -L "$corpus/$kind" -maxdepth 1 -type f -exec ln -sf {} "$stage/$kind/" \;
done
files=$(find "$stage" -type l | wc -l)

pids=()
fresh=""
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ -n "$fresh" ]] && rm -rf -- "$fresh"
}
trap cleanup EXIT

# Starts the service on a data folder and port in the background; logs go to $bench/PORT.log.
start() {
    local data="$1" port="$2"
    (cd "$api_bin" && KB__DataPath="$data" KB__CorpusPath="$stage" KB__RateLimits__SearchPerMinute=0 \
        Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
        exec dotnet KnowledgeBase.Api.dll) >"$bench/$port.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "bench-api: service on port $port did not become ready; see $bench/$port.log" >&2; exit 1
}

# Waits for every job of the service at $1 to finish; prints how long that took.
wait_jobs() {
    local started=$SECONDS
    while curl -fs "http://127.0.0.1:$1/api/jobs" | grep -q '"state":"\(queued\|running\)"'; do sleep 2; done
    echo $((SECONDS - started))
}

running_jobs() { curl -fs "http://127.0.0.1:$1/api/jobs" | grep -c '"state":"running"' || true; }

documents() { curl -fs "http://127.0.0.1:$1/api/documents?top=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }

# Waits until the service at $1 has committed a document; prints how many seconds that took.
first_commit() {
    local started=$SECONDS
    until [[ "$(documents "$1")" -gt 0 ]]; do
        (( SECONDS - started < 1800 )) && { (( SECONDS - started < 10 )) || [[ $(running_jobs "$1") -gt 0 ]]; } \
            || { echo "bench-api: no document committed and no job running; see $bench/$1.log" >&2; exit 1; }
        sleep 0.5
    done
    echo $((SECONDS - started))
}

# run_wrk MODE WORKLOAD PORT
run_wrk() {
    MODE="$1" WORKLOAD="$2" FACETS="${BENCH_FACETS:-0}" wrk -t2 -c50 -d"$duration" --timeout 10s -s tools/bench-api.lua "http://127.0.0.1:$3" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

rows=()
first_ingest="not run"
if [[ "$rows_wanted" != ingesting ]]; then
start "$bench/data" 5181
first_ingest="$(wait_jobs 5181) s, 0 if reused"
# Warm-up (JIT, caches), not reported.
run_wrk bm25 distinct 5181 >/dev/null
for mode in bm25 hybrid; do
    for workload in popular distinct; do
        read -r rps p50 p99 errors total < <(run_wrk "$mode" "$workload" 5181)
        rows+=("| $mode | $workload | idle, whole corpus indexed | $rps | $p50 | $p99 | $errors / $total |")
        echo "${rows[-1]}" >&2  # as it comes, so a stopped run keeps what it measured
    done
done
fi

# During ingestion: a fresh instance starts on an empty data folder and ingests the whole corpus (its first-start job)
# while it is searched itself, so every commit makes its searchers and cached results new; bm25, then hybrid, one
# window after the other on the same ingestion. The first window opens at its first commit: before it the index is
# empty and a search costs nothing (the corpus starts with scanned PDFs, whose OCR takes minutes).
if [[ "$rows_wanted" != idle ]]; then
    fresh="$(mktemp -d)"
    start "$fresh/data" 5182
    waited=$(first_commit 5182)
    for mode in ${BENCH_INGEST_MODES:-bm25 hybrid}; do
        before=$(documents 5182)
        read -r rps p50 p99 errors total < <(run_wrk "$mode" distinct 5182)
        after=$(documents 5182)
        still=$([[ $(running_jobs 5182) -gt 0 ]] && echo "yes" || echo "no, it finished during the run")
        rows+=("| $mode | distinct | while it ingests the corpus (first commit at ${waited} s; ${before}→${after} docs in the window; still running: $still) | $rps | $p50 | $p99 | $errors / $total |")
        echo "${rows[-1]}" >&2
    done
    kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
    unset 'pids[-1]'
    rm -rf -- "$fresh"; fresh=""
fi

indexed="$(documents 5181 2>/dev/null || true)"
echo "Corpus: $corpus ($files files, ${indexed:-no} documents in the benchmarked index; first ingest: ${first_ingest}); service: $api_bin"
echo "wrk: 2 threads, 50 connections, $duration per row; facets asked: $([[ "${BENCH_FACETS:-0}" == 1 ]] && echo yes || echo no); $(nproc) cores shared with whatever else runs on this machine."
echo
echo "| mode | queries | condition | req/s | p50 ms | p99 ms | errors / requests |"
echo "|---|---|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
