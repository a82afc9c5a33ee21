#!/usr/bin/env bash
# Refreshes the vendored axe-core (the accessibility engine AccessibilityTest runs in headless
# Chromium on the HTML reports) from npm: the pinned version, checked against its npm integrity
# hash. Only `npm pack` is used, so nothing is installed and no package script runs.
# Usage: scripts/fetch-axe-core.sh   (edit VERSION and INTEGRITY to move to another release)
set -euo pipefail
VERSION=4.14.1
INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/cli/src/test/resources/axe-core"

command -v npm >/dev/null || { echo "fetch-axe-core: npm is not on PATH (apt-get install npm)" >&2; exit 3; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@$VERSION" >/dev/null)
tarball="$work/axe-core-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual" != "$INTEGRITY" ]]; then
  echo "fetch-axe-core: $tarball has integrity $actual, expected $INTEGRITY" >&2
  exit 3
fi
tar -xzf "$tarball" -C "$work"
mkdir -p "$DEST"
cp "$work/package/axe.min.js" "$work/package/LICENSE" "$work/package/LICENSE-3RD-PARTY.txt" "$DEST/"
cat > "$DEST/SOURCE.md" <<SOURCE
# axe-core $VERSION (vendored for the accessibility test)

- From npm: \`npm pack axe-core@$VERSION\` (integrity \`$INTEGRITY\`), by
  \`scripts/fetch-axe-core.sh\`; \`axe.min.js\` is the package's file, unmodified.
- Licence: Mozilla Public License 2.0 (\`LICENSE\`); bundled third-party code under MIT and other
  licences listed in \`LICENSE-3RD-PARTY.txt\`. Source: https://github.com/dequelabs/axe-core
- Used only by the tests (\`AccessibilityTest\`); it is not part of the trustml release.
SOURCE
echo "fetch-axe-core: axe-core $VERSION in $DEST"
