#!/usr/bin/env python3
"""Checks HTML dossiers: strict HTML5 parsing (html5lib reports every parse error) and no external URL.

    python3 scripts/check_html.py FILE.html [...]

A file fails when html5lib reports any parse error, when an `src`, `href`, `action`, `formaction`,
`poster`, `data` or `xlink:href` attribute holds anything but an in-page reference (`#id`) or a
`data:` URI, when CSS (a `style` element or attribute) calls `url(` on anything but `data:` or
`#id`, or uses `@import`, when an id is duplicated or an in-page reference (`href="#x"`,
`aria-labelledby`, `for`) names no element, or when the page lacks a Content-Security-Policy with `default-src 'none'`.
Exit code 0 when every file passes, 1 otherwise. Needs html5lib (`pip install html5lib`).
"""
import re
import sys

try:
    import html5lib
except ImportError:  # pragma: no cover
    sys.exit("check_html.py needs html5lib: pip install html5lib")

URL_ATTRIBUTES = {"src", "href", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background", "cite"}
CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)


def local(value):
    value = value.strip()
    return value.startswith("#") or value.lower().startswith("data:") or value == ""


def check(path):
    problems = []
    with open(path, "rb") as handle:
        data = handle.read()
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    document = parser.parse(data)
    for position, code, params in parser.errors:
        problems.append(f"{path}:{position[0]}:{position[1]}: html5 parse error: {code} {params or ''}".rstrip())
    csp = False
    ids, references = set(), []
    for element in document.iter():
        tag = element.tag.split("}")[-1] if isinstance(element.tag, str) else ""
        for name, value in element.attrib.items():
            name = name if isinstance(name, str) else ":".join(filter(None, name))
            if name == "id":
                if value in ids:
                    problems.append(f"{path}: duplicate id \"{value}\"")
                ids.add(value)
            if name.split("}")[-1] == "href" and value.startswith("#") and len(value) > 1:
                references.append(value[1:])
            if name in ("aria-labelledby", "aria-describedby", "for"):
                references += value.split()
            if name.split("}")[-1] in URL_ATTRIBUTES or name in URL_ATTRIBUTES:
                if not local(value):
                    problems.append(f"{path}: external reference {name}=\"{value}\" on <{tag}>")
            if name == "style":
                problems += css_problems(path, value)
        if tag == "style":
            problems += css_problems(path, element.text or "")
        if tag == "meta" and element.get("http-equiv", "").lower() == "content-security-policy":
            csp = "default-src 'none'" in element.get("content", "")
    for reference in sorted(set(references) - ids):
        problems.append(f"{path}: reference to missing id \"{reference}\"")
    if not csp:
        problems.append(f"{path}: no Content-Security-Policy meta with default-src 'none'")
    if document.find("body") is None:
        problems.append(f"{path}: no document body")
    return problems


def css_problems(path, css):
    problems = []
    for match in CSS_URL.finditer(css):
        if not local(match.group(1)):
            problems.append(f"{path}: CSS url({match.group(1)}) leaves the page")
    if "@import" in css:
        problems.append(f"{path}: CSS @import")
    return problems


def main(paths):
    if not paths:
        sys.exit(__doc__)
    failures = []
    for path in paths:
        failures += check(path)
    for failure in failures:
        print(failure)
    print(f"{len(paths)} file(s) checked, {len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
