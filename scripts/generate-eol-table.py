#!/usr/bin/env python3
"""Generates the end-of-life table of base operating systems that `image.base-supported` judges by.

Reads the endoflife.date product files copied under data/eol/ (only the `releases:` list of each
file's YAML front matter; the `auto:` block reuses the key names `eol`/`eoes` for the upstream
scraper and is ignored) and data/eol/SOURCES.md (the upstream commits and dates), and writes
Sources/HomologEvaluate/Checks/Images/OSEndOfLifeTable.swift:

    python3 scripts/generate-eol-table.py            # writes the Swift file
    python3 scripts/generate-eol-table.py --stdout   # prints it instead

Which date is judged: the end of free security support. That is the upstream `eol` column for
every product except Debian, where `eol` is the end of the Debian security team's support and the
free support continues under Debian LTS (the `eoes` column, run by the Debian project, free for
every user). Paid extended support (Ubuntu ESM, RHEL ELS, SLES LTSS, Oracle Extended Support) is
the `eoes` column elsewhere: it is reported as information, never judged by.

The test OSEndOfLifeTableTests fails when the Swift file is out of date. Python stdlib + PyYAML.
"""
import datetime
import hashlib
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data", "eol")
OUT = os.path.join(ROOT, "Sources", "HomologEvaluate", "Checks", "Images", "OSEndOfLifeTable.swift")
SCRIPT = os.path.relpath(os.path.abspath(__file__), ROOT).replace(os.sep, "/")

# The product files, in table order.
FILES = [
    "debian.md", "ubuntu.md", "alpine-linux.md", "rhel.md", "rocky-linux.md", "almalinux.md", "centos.md",
    "centos-stream.md", "amazon-linux.md", "fedora.md", "oracle-linux.md", "sles.md", "opensuse.md",
]

# The upstream column that is the end of free security support, where it is not `eol`.
FREE_SUPPORT_COLUMN = {"debian": "eoes"}  # Debian LTS: free, run by the Debian project

# endoflife.date's default column labels, used when a product file names none.
DEFAULT_LABELS = {"eol": "Security Support", "eoes": "Extended Support"}

EPOCH = datetime.date(1970, 1, 1)


def front_matter(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    parts = text.split("\n---\n", 1)
    if not text.startswith("---\n") or len(parts) != 2:
        sys.exit(f"{path}: no YAML front matter")
    return yaml.safe_load(parts[0][4:])


def sources():
    """HEAD commit and date, and each file's last commit and its date, from data/eol/SOURCES.md."""
    with open(os.path.join(DATA, "SOURCES.md"), encoding="utf-8") as handle:
        text = handle.read()
    head = re.search(r"HEAD commit `([0-9a-f]{40})` \((\d{4}-\d{2}-\d{2})\)", text)
    if not head:
        sys.exit("data/eol/SOURCES.md: no 'HEAD commit `...` (YYYY-MM-DD)'")
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and re.fullmatch(r"[0-9a-f]{40}", cells[3]):
            rows[cells[0]] = (cells[3], cells[4])
    return head.group(1), head.group(2), rows


def day(value):
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def swift_day(value):
    return f"Day(ordinal: {(day(value) - EPOCH).days})"


def support_end(value):
    """A release-level `eol`/`eoes` value: a date, `true` (ended, no date) or `false` (not announced)."""
    if value is True:
        return ".ended", "ended"
    if value is False:
        return ".notAnnounced", "not announced"
    return f".on({swift_day(value)})", day(value).isoformat()


def label(matter, column):
    text = matter.get(f"{column}Column")
    if not isinstance(text, str):
        return DEFAULT_LABELS[column]
    return re.sub(r"<[^>]+>", "", text).strip()


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def optional_string(text):
    return "nil" if text is None else swift_string(text)


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def product(name, commits):
    matter = front_matter(os.path.join(DATA, name))
    identifier = name[: -len(".md")]
    if name not in commits:
        sys.exit(f"data/eol/SOURCES.md: no row for {name}")
    commit, date = commits[name]
    free = FREE_SUPPORT_COLUMN.get(identifier, "eol")
    paid = None if free == "eoes" else "eoes"
    releases = matter.get("releases")
    if not isinstance(releases, list) or not releases:
        sys.exit(f"{name}: no releases list")
    has_paid = paid is not None and any(paid in release for release in releases)
    lines = [
        "    OSProduct(",
        f"      id: {swift_string(identifier)}, title: {swift_string(matter['title'])}, file: {swift_string(name)},",
        f"      commit: {swift_string(commit)}, commitDate: {swift_day(date)},  // {date}",
        f"      supportColumn: {swift_string(free)}, supportLabel: {swift_string(label(matter, free))},",
        f"      paidSupportLabel: {optional_string(label(matter, paid) if has_paid else None)},",
        "      releases: [",
    ]
    for release in releases:
        cycle = str(release["releaseCycle"])
        if free not in release:
            sys.exit(f"{name} {cycle}: no {free}")
        end, end_text = support_end(release[free])
        codename = release.get("codename")
        released = release.get("releaseDate")
        comment = f"{cycle}: released {day(released).isoformat() if released else '?'}, {free} {end_text}"
        if free != "eol" and "eol" in release:
            comment += f" (upstream eol {support_end(release['eol'])[1]}, not judged)"
        paid_end = "nil"
        if paid is not None and paid in release:
            paid_end, paid_text = support_end(release[paid])
            comment += f", {paid} {paid_text}"
        lines.append(f"        // {comment}")
        lines.append(
            f"        OSRelease(cycle: {swift_string(cycle)}, codename: {optional_string(codename)}, "
            f"released: {swift_day(released) if released else 'nil'}, supportEnd: {end}, paidSupportEnd: {paid_end}),")
    lines += ["      ]),"]
    return lines


def render():
    head_commit, head_date, commits = sources()
    digests = {
        f"data/eol/{name}": sha256(os.path.join(DATA, name)) for name in sorted(FILES + ["SOURCES.md", "LICENSE"])
    }
    digests[SCRIPT] = sha256(os.path.abspath(__file__))
    lines = [
        f"// GENERATED by {SCRIPT} from data/eol/ (do not edit: edit the data or the script, then rerun it).",
        f"// Source: endoflife-date/endoflife.date at commit {head_commit} ({head_date}),",
        "// MIT license (data/eol/LICENSE); provenance in data/eol/SOURCES.md.",
        "// Judged date: end of free security support (`eol`; Debian: `eoes`, Debian LTS). Paid `eoes`: information only.",
        "",
        "import HomologModel",
        "",
        "/// End-of-life dates of base operating system releases, generated from the endoflife.date copies in `data/eol/`.",
        "public enum OSEndOfLifeTable {",
        "  /// The upstream repository the data was copied from.",
        '  public static let repository = "endoflife-date/endoflife.date"',
        "  /// The upstream commit the copies were taken at, and its date.",
        f"  public static let commit = {swift_string(head_commit)}",
        f"  public static let date = {swift_day(head_date)}  // {head_date}",
        "",
        "  /// SHA-256 of every input of the generator (a test compares them with the files on disk).",
        "  public static let inputDigests: [String: String] = [",
    ]
    lines += [f"    {swift_string(path)}: {swift_string(digest)}," for path, digest in sorted(digests.items())]
    lines += [
        "  ]",
        "",
        "  /// Every product, in the order of the generator's list.",
        "  public static let products: [OSProduct] = [",
    ]
    for name in FILES:
        lines += product(name, commits)
    lines += ["  ]", "}", ""]
    return "\n".join(lines)


def main():
    text = render()
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
        return
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
