#!/usr/bin/env bash
# Builds the `kb` command as ReadyToRun images (code compiled ahead of time, so a start-up does not JIT it) into
# .kb/kb; `kb` is then `dotnet .kb/kb/kb.dll`. A one-off `kb search` starts in about half the time of the plain
# build's (tools/bench-startup.sh). Only what a search runs is compiled ahead (see PublishReadyToRunExclude in
# src/KnowledgeBase.Cli/KnowledgeBase.Cli.csproj); the rest is JIT-compiled as before. Later runs recompile only
# what changed. Prints the path of kb.dll.
set -euo pipefail
cd "$(dirname "$0")/.."
# The SDK's own runtime identifier (linux-x64 here): ReadyToRun code is for one platform.
rid="$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')"
[[ -n "$rid" ]] || { echo "build-kb: no RID in dotnet --info" >&2; exit 1; }
dotnet publish src/KnowledgeBase.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o .kb/kb -v quiet -nologo >&2
echo "$PWD/.kb/kb/kb.dll"
