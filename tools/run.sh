#!/usr/bin/env bash
# Builds and runs the search service in the foreground on http://127.0.0.1:5080 (Ctrl+C stops it).
# The first start, on an empty index, ingests corpus/ as a background job (see /api/jobs) while already serving.
#   The page: http://127.0.0.1:5080/
#   Search:   curl 'http://127.0.0.1:5080/api/search?q=incident+response+team'
#   API docs: http://127.0.0.1:5080/docs
# Index, jobs and kept originals live in .kb/api (override with KB__DataPath). Writes need a key: set
# KB__Security__ApiKeys__0 (16+ characters) to upload or delete with the X-Api-Key header.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-ocr.sh || echo "warning: OCR engines not installed; scanned pages stay image-only" >&2
tools/build-kb.sh >/dev/null  # kb as ReadyToRun in .kb/kb (dotnet .kb/kb/kb.dll)
dotnet build src/KnowledgeBase.Api -c Release -v quiet -nologo
export KB__DataPath="${KB__DataPath:-$PWD/.kb/api}"
export KB__CorpusPath="${KB__CorpusPath:-$PWD/corpus}"
# The service reads appsettings.json and its page from its own bin folder, wherever it is started from.
exec dotnet run --project src/KnowledgeBase.Api -c Release --no-build --no-launch-profile
