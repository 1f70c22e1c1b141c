#!/usr/bin/env python3
"""Writes what `trivy convert --format template --template @contrib/junit.tpl REPORT.json` writes, by hand.

No trivy binary is at hand: this applies trivy's `contrib/junit.tpl` to a Trivy JSON report, following its
Go-template whitespace trimming and its `escapeXML` (Go's `xml.EscapeText`). Attributes the template writes
without escaping stay raw. Three versions of the template, as trivy's history has them:

- `current` (default): `<testsuites name="trivy">`, per target a vulnerability suite then a misconfiguration
  suite sized by `MisconfSummary`, a `<failure>` only on failed checks (trivy PRs #2677, #5767);
- `bare-pairs`: bare `<testsuites>`, the same two suites per target, every misconfiguration a `<failure>`
  (trivy PR #1724, February 2022, until #2677 named the root in August 2022);
- `bare`: bare `<testsuites>`, one vulnerability suite per target (trivy PR #541, June 2020, until #1724).

usage: scripts/trivy-junit-template.py [--template current|bare-pairs|bare] REPORT.json > OUT.xml
"""
import json
import sys


def escape_xml(text):
    """Go's xml.EscapeText: quotes, apostrophes, &, <, >, tab, newline and carriage return."""
    table = {'"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;"}
    return "".join(table.get(character, character) for character in text or "")


def properties(result):
    if not result.get("Type"):
        return ""
    return (
        "\n        <properties>\n"
        f'            <property name="type" value="{result["Type"]}"></property>\n'
        "        </properties>"
    )


def render(results, template="current"):
    root = "<testsuites>" if template.startswith("bare") else '<testsuites name="trivy">'
    out = ['<?xml version="1.0" ?>\n' + root]
    for result in results:
        vulnerabilities = result.get("Vulnerabilities") or []
        count = len(vulnerabilities)
        target = result.get("Target", "")
        out.append(
            f'\n    <testsuite tests="{count}" failures="{count}" name="{target}" errors="0" skipped="0" time="">'
        )
        out.append(properties(result))
        for vulnerability in vulnerabilities:
            out.append(
                f'\n        <testcase classname="{vulnerability.get("PkgName", "")}-{vulnerability.get("InstalledVersion", "")}"'
                f' name="[{vulnerability.get("Severity", "")}] {vulnerability.get("VulnerabilityID", "")}" time="">'
                f'\n            <failure message="{escape_xml(vulnerability.get("Title"))}" type="description">'
                f'{escape_xml(vulnerability.get("Description"))}</failure>'
                "\n        </testcase>"
            )
        out.append("\n    </testsuite>")
        if template == "bare":
            continue
        misconfigurations = result.get("Misconfigurations") or []
        summary = result.get("MisconfSummary")
        if template == "bare-pairs":
            out.append(
                f'\n    <testsuite tests="{len(misconfigurations)}" failures="{len(misconfigurations)}" name="{target}"'
                ' errors="0" skipped="0" time="">'
            )
        elif summary:
            out.append(
                f'\n    <testsuite tests="{summary.get("Successes", 0) + summary.get("Failures", 0)}"'
                f' failures="{summary.get("Failures", 0)}" name="{target}" errors="0"'
                f' skipped="{summary.get("Exceptions", 0)}" time="">'
            )
        else:
            out.append(f'\n    <testsuite tests="0" failures="0" name="{target}" errors="0" skipped="0" time="">')
        out.append(properties(result))
        for misconfiguration in result.get("Misconfigurations") or []:
            out.append(
                f'\n        <testcase classname="{misconfiguration.get("Type", "")}"'
                f' name="[{misconfiguration.get("Severity", "")}] {misconfiguration.get("ID", "")}" time="">'
            )
            if template == "bare-pairs" or misconfiguration.get("Status") == "FAIL":
                out.append(
                    f'\n            <failure message="{escape_xml(misconfiguration.get("Title"))}" type="description">'
                    f'{escape_xml(misconfiguration.get("Description"))}</failure>'
                )
            out.append("\n        </testcase>")
        out.append("\n    </testsuite>")
    out.append("\n</testsuites>\n")
    return "".join(out)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    template = "current"
    if arguments[:1] == ["--template"]:
        template, arguments = arguments[1], arguments[2:]
    if template not in ("current", "bare-pairs", "bare"):
        sys.exit(f"unknown template {template}")
    with open(arguments[0], encoding="utf-8") as handle:
        report = json.load(handle)
    results = report.get("Results", []) if isinstance(report, dict) else report
    sys.stdout.write(render(results, template))
