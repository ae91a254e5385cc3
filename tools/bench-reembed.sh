#!/usr/bin/env bash
# kb cluster reembed against kb reindex --embeddings on one NIST PDF (model A: built-in int8, model B: built-in fp32),
# and the time a replica takes to apply the rebase entry. Run from the repository root after building src/KnowledgeBase.Cli.
set -euo pipefail
kb="dotnet src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll"
work=$(mktemp -d); pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export KB__Ocr__Enabled=false KB__Embeddings__Provider=builtin
f=../shared/corpus/pdf/nist_cswp_csf-1.1_2018.pdf
p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
nats-server -js -a 127.0.0.1 -p "$p" -sd "$work/nats" >/dev/null 2>&1 & pids+=($!)
sleep 1
export KB__Cluster__Nats=nats://127.0.0.1:$p
$kb cluster worker >/dev/null 2>&1 & pids+=($!)
$kb cluster submit $f --json >/dev/null
$kb cluster replica --index "$work/r1" --until 1 >/dev/null 2>&1
$kb cluster status --index "$work/r1" 2>&1 | tail -3
kill "${pids[1]}"
cp -r "$work/r1" "$work/single"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"; s=$(date +%s.%N)
KB__Embeddings__Precision=fp32 $kb cluster reembed
echo "kb cluster reembed: $(python3 -c "print(round($(date +%s.%N)-$s,1))") s"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"; s=$(date +%s.%N)
$kb cluster replica --index "$work/r1" --until 2 >/dev/null 2>&1
echo "replica applies the rebase: $(python3 -c "print(round($(date +%s.%N)-$s,1))") s"
$kb cluster status --index "$work/r1" 2>&1 | tail -3
unset KB__Cluster__Nats
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"; s=$(date +%s.%N)
KB__Embeddings__Precision=fp32 $kb reindex --embeddings --index "$work/single" | tail -1
echo "kb reindex --embeddings (one process): $(python3 -c "print(round($(date +%s.%N)-$s,1))") s"
