#!/usr/bin/env bash
# Cluster mode, measured on this machine with real processes: a nats-server -js on a free loopback port, `kb
# cluster worker` processes and a `kb cluster replica`.
#   [WORKERS="1 2"] [INGEST_ONLY=1] tools/bench-cluster.sh [FILES_OR_FOLDER] [EMBEDDINGS]   (default: corpus/, the built-in model; "none" skips it)
# Prints: ingestion time of FILES by `kb ingest` (one process) and through the cluster with 1 and 2 workers (from
# submit until the replica has applied every entry), replica lag p50/p99 (KnowledgeBase.Benchmarks cluster-lag), and
# BM25 search latency on the single-process index and on the replica (same documents). Says the load at each start.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-corpus}
provider=${2:-builtin}
tools/install-nats.sh
dotnet build src/KnowledgeBase.Cli -c Release -nologo -v q >/dev/null
[ -n "${INGEST_ONLY:-}" ] || dotnet build tools/KnowledgeBase.Benchmarks -c Release -nologo -v q >/dev/null
kb="dotnet src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll"
bench="dotnet tools/KnowledgeBase.Benchmarks/bin/Release/net10.0/KnowledgeBase.Benchmarks.dll"
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export KB__Embeddings__Provider=$provider KB__Ocr__Enabled=false
count=$(find $files -type f | wc -l)
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

# Sets $url; not in a $(…) subshell, so the server's pid is kept for the cleanup. Waits until it listens.
start_nats() {
  local p; p=$(port)
  nats-server -js -a 127.0.0.1 -p "$p" -sd "$work/nats-$1" >/dev/null 2>&1 & pids+=($!)
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break; sleep 0.1; done
  url="nats://127.0.0.1:$p"
}

echo "files: $files ($count), embeddings: $provider"
echo "| run | seconds | load at start |"
echo "|---|---:|---|"
l=$(load); s=$(now)
$kb ingest $files --index "$work/single" --json >/dev/null
echo "| kb ingest (one process) | $(since "$s") | $l |"

for workers in ${WORKERS:-1 2}; do
  start_nats "w$workers"
  export KB__Cluster__Nats=$url
  run=()
  # The replica exits once it has applied the last file's entry: polling with `kb cluster status` started a .NET
  # process every ~2.5 s (1.1 CPU-s each), a fifth of this 2-core machine taken from the workers being measured.
  $kb cluster replica --index "$work/replica-$workers" --until "$count" >/dev/null 2>&1 & replica=$!; pids+=($!)
  for i in $(seq 1 "$workers"); do $kb cluster worker >/dev/null 2>&1 & run+=($!); pids+=($!); done
  sleep 3  # the workers load and connect
  l=$(load); s=$(now)
  $kb cluster submit $files --json >/dev/null
  wait "$replica"
  echo "| cluster, $workers worker(s) × ${KB__Cluster__WorkerConcurrency:-one file per core}, submit → replica applied all | $(since "$s") | $l |"
  kill "${run[@]}" 2>/dev/null || true
done

[ -n "${INGEST_ONLY:-}" ] && exit 0
echo
echo "load at start: $(load)"
$bench cluster-lag "$KB__Cluster__Nats" 200
echo
echo "load at start: $(load)"
$bench search-latency tests/eval/dev-queries.jsonl "$work/single" "$work/replica-2"
