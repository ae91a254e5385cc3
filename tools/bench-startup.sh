#!/usr/bin/env bash
# Times `kb` as a command, start-up included: wall and CPU (user + sys, from /usr/bin/time) of `kb --help` and of one
# `kb search "incident response"` in bm25 and in hybrid mode, the median of N runs each, runs of the builds compared
# taking turns so a change in the machine's load falls on all of them alike. Prints one Markdown table and the load.
#
#   tools/bench-startup.sh [INDEX_DIR]   (default: an index of corpus/ made in .kb/bench-startup on the first run)
#   BENCH_RUNS=7                         runs per command and build
#   BENCH_KB="before=/tmp/old/kb.dll after=src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll"
#                                        the builds to compare (default: this checkout's, built first)
set -euo pipefail
if [[ $# -ge 1 ]]; then index="$(realpath -m -- "$1")"; fi
cd "$(dirname "$0")/.."
runs="${BENCH_RUNS:-7}"
query="incident response"

if [[ -z "${BENCH_KB:-}" ]]; then
    dotnet build src/KnowledgeBase.Cli -c Release -v quiet -nologo >/dev/null
    BENCH_KB="kb=$PWD/src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll"
fi
read -r -a builds <<<"$BENCH_KB"
for build in "${builds[@]}"; do
    [[ -f "${build#*=}" ]] || { echo "bench-startup: ${build#*=} does not exist" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench-startup: needs /usr/bin/time (Debian package time)" >&2; exit 2; }

if [[ -z "${index:-}" ]]; then
    index="$PWD/.kb/bench-startup/index"
    if [[ ! -d "$index" ]]; then
        echo "bench-startup: indexing corpus/ into $index" >&2
        dotnet "${builds[-1]#*=}" ingest corpus --index "$index" --json >/dev/null
    fi
fi

commands=("--help" "search:bm25" "search:hybrid")
samples="$(mktemp)"
trap 'rm -f -- "$samples"' EXIT
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "$runs"); do
    for command in "${commands[@]}"; do
        for build in "${builds[@]}"; do
            case "$command" in
                --help) args=(--help) ;;
                search:*) args=(search "$query" --index "$index" --mode "${command#search:}") ;;
            esac
            # %e wall, %U user, %S system seconds; the command's own output is not wanted.
            /usr/bin/time -f "${build%%=*} $command %e %U %S" -o "$samples" -a dotnet "${build#*=}" "${args[@]}" >/dev/null 2>&1 \
                || { echo "bench-startup: ${build#*=} ${args[*]} failed" >&2; exit 1; }
        done
    done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "kb start-up, median of $runs runs; index $index; query \"$query\"; load (1, 5, 15 min) $load_before before, $load_after after"
echo
echo "| build | command | wall s | CPU s (user + sys) |"
echo "|---|---|---:|---:|"
for command in "${commands[@]}"; do
    for build in "${builds[@]}"; do
        label="${build%%=*}"
        rows="$(awk -v b="$label" -v c="$command" '$1 == b && $2 == c' "$samples")"
        wall="$(awk '{ print $3 }' <<<"$rows" | median)"
        cpu="$(awk '{ print $4 + $5 }' <<<"$rows" | median)"
        case "$command" in
            --help) shown="kb --help" ;;
            *) shown="kb search \"$query\" --mode ${command#search:}" ;;
        esac
        printf '| %s | `%s` | %.2f | %.2f |\n' "$label" "$shown" "$wall" "$cpu"
    done
done
