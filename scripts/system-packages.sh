#!/usr/bin/env bash
# Installs the Debian packages the project needs when they are missing.
#   base: what `make run` needs (gettext for translations; Pango and a font for WeasyPrint PDFs;
#         wdutch, the Dutch word list that unmatched searches are filtered with)
#   test: also PostgreSQL 15 with contrib and Chromium for the browser tests
set -euo pipefail
want=(gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core wdutch)
if [ "${1:-base}" = test ]; then
  want+=(postgresql-15 postgresql-contrib chromium)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
