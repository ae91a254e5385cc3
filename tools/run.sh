#!/usr/bin/env bash
# The main job on the sample corpus: ingests corpus/ into an index (once; re-runs find nothing changed)
# and runs an example search. Pass another query as arguments: tools/run.sh "incident severity".
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/KnowledgeBase.Cli -c Release -v quiet -nologo
kb() { dotnet src/KnowledgeBase.Cli/bin/Release/net10.0/kb.dll "$@"; }
export KB_INDEX="${KB_INDEX:-$PWD/.kb/index}"
kb ingest corpus/
query="${*:-how should an organization structure its incident response team}"
kb search "$query" --top 5
