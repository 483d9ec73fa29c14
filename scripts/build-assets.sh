#!/usr/bin/env bash
# Copies the front-end packages installed by npm into the static folder Django serves.
set -euo pipefail
out=src/ontwikkelplein/static/vendor
rm -rf "$out" && mkdir -p "$out/utrecht" "$out/htmx"
cp node_modules/@utrecht/component-library-css/dist/index.css "$out/utrecht/utrecht.css"
cp node_modules/@utrecht/component-library-css/LICENSE* "$out/utrecht/" 2>/dev/null || true
cp node_modules/htmx.org/dist/htmx.min.js "$out/htmx/htmx.min.js"
