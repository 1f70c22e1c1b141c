#!/usr/bin/env bash
# Validates HTML dossiers with html5lib (strict HTML5 parsing) and scans them for external URLs.
#   scripts/check-html.sh FILE.html [...]
# Installs html5lib with pip when missing.
set -euo pipefail
if ! python3 -c "import html5lib" 2>/dev/null; then
  python3 -m pip install --quiet html5lib 2>/dev/null || python3 -m pip install --quiet --break-system-packages html5lib
fi
exec python3 "$(dirname "$0")/check_html.py" "$@"
