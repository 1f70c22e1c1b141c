#!/usr/bin/env bash
# Regenerates the mapping table of docs/verdicts.md from the built-in catalogue (homolog catalogue mapping).
# Run after editing requirements/ or the platform rules; VerdictsDocTests fails while it is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product homolog >/dev/null
table="$(.build/debug/homolog catalogue mapping --lang fr)"
python3 - "$table" <<'PY'
import sys
path = "docs/verdicts.md"
text = open(path, encoding="utf-8").read()
begin, end = "<!-- mapping:begin -->\n", "<!-- mapping:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(head + begin + sys.argv[1] + "\n" + end + tail)
PY
