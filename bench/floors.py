#!/usr/bin/env python3
"""C-accelerated Python floors for bench/run.sh: the least a Python tool must do to read a file.

Usage: floors.py xml FILE   xml.etree.ElementTree.iterparse (expat), elements cleared as they end;
                            counts elements and reads one attribute, as a streaming reader would.
       floors.py json FILE  json.load of the whole document (the C scanner), then one lookup.
"""

import json
import sys
import xml.etree.ElementTree as ET


def xml_floor(path):
    elements = 0
    hits = 0
    for _, element in ET.iterparse(path, events=("end",)):
        elements += 1
        if element.get("hits") not in (None, "0"):
            hits += 1
        element.clear()
    print(f"{elements} elements, {hits} with hits")


def json_floor(path):
    with open(path, "rb") as handle:
        document = json.load(handle)
    print(f"top-level {type(document).__name__} with {len(document)} entries")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("xml", "json"):
        sys.exit(__doc__)
    (xml_floor if sys.argv[1] == "xml" else json_floor)(sys.argv[2])
