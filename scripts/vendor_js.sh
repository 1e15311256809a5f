#!/usr/bin/env bash
# Re-vendor the graph page's JavaScript (api/ui/vendor/) from the npm registry.
#
# The versions are pinned in package.json and locked (with integrity hashes) in
# package-lock.json; `npm ci` installs exactly those into a scratch folder, and only the
# minified browser build and its licence are copied into the repository. Nothing is
# built and no install script runs. To upgrade: change the version in package.json,
# run `npm install --package-lock-only --ignore-scripts`, then this script, then
# `.venv/bin/pytest tests/test_ui.py`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vendor="$root/api/ui/vendor"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cp "$root/package.json" "$root/package-lock.json" "$scratch/"
(cd "$scratch" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

pkg="$scratch/node_modules/cytoscape"
version="$(node -p "require('$pkg/package.json').version")"
mkdir -p "$vendor"
cp "$pkg/dist/cytoscape.min.js" "$vendor/cytoscape.min.js"
cp "$pkg/LICENSE" "$vendor/cytoscape.LICENSE.txt"
printf 'cytoscape %s (npm), dist/cytoscape.min.js and LICENSE; see scripts/vendor_js.sh\n' \
  "$version" >"$vendor/VERSIONS.txt"
echo "vendored cytoscape $version into ${vendor#"$root"/}"
