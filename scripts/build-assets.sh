#!/usr/bin/env bash
# Builds the front-end packages installed by npm into the static folder Django serves:
# - vendor/utrecht/utrecht.css: only the rules of the NL Design System Utrecht component CSS for the
#   classes the templates, Python and JavaScript use (scripts/select-utrecht-css.mjs; about 6 KB
#   compressed instead of 32 KB for the whole bundle; docs/performance.md "Light pages");
# - vendor/htmx/htmx.min.js, loaded only by the pages that use htmx (templates/htmx.html).
# Run again after adding a Utrecht class to a template (`make assets`).
set -euo pipefail
out=src/ontwikkelplein/static/vendor
rm -rf "$out" && mkdir -p "$out/utrecht" "$out/htmx"
node scripts/select-utrecht-css.mjs node_modules/@utrecht/component-library-css/dist/index.css \
  src/ontwikkelplein "$out/utrecht/utrecht.css"
cp node_modules/@utrecht/component-library-css/LICENSE* "$out/utrecht/" 2>/dev/null || true
cp node_modules/htmx.org/dist/htmx.min.js "$out/htmx/htmx.min.js"
