#!/usr/bin/env python3
"""Converts the console output of an XCTest run on Linux (`swift test --disable-swift-testing`) into JUnit XML.

SwiftPM writes `--xunit-output` for XCTest only with `--parallel`, which runs the suite differently from the
README's test command; this reads the log of that very command instead:

  Test Case 'SamplesTests.testClean' started at …
  /…/SamplesTests.swift:21: error: SamplesTests.testClean : XCTAssertEqual failed: …
  Test Case 'SamplesTests.testClean' failed (0.009 seconds)      (or passed, or skipped)

Each test class is a <testsuite> named TARGET.CLASS, the target found by the class's declaration under TESTS_DIR
(Tests/<target>/…swift); a test started but never finished (a crash) is a failure. Exit 2 when the log holds no
test case.

  scripts/xctest-junit.py test.log Tests > junit.xml
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

CASE = re.compile(r"^Test Case '(?:-\[)?(\w+)[. ](\w+)\]?' (started at|passed|failed|skipped)(?: \((\d+(?:\.\d+)?) seconds\))?")
ISSUE = re.compile(r"^(.*?:\d+): (error|warning)?:? ?(\w+)\.(\w+) : (.*)$")


def targets(tests_dir):
    """Test class name to its test target, from `class Name: XCTestCase` declarations."""
    found = {}
    declaration = re.compile(r"\bclass\s+(\w+)\s*:\s*XCTestCase\b")
    for target in sorted(os.listdir(tests_dir)):
        folder = os.path.join(tests_dir, target)
        for directory, _, files in os.walk(folder):
            for name in files:
                if name.endswith(".swift"):
                    with open(os.path.join(directory, name), encoding="utf-8") as handle:
                        for match in declaration.finditer(handle.read()):
                            found[match.group(1)] = target
    return found


def parse(lines):
    """Test cases in order: (class, name, status, seconds, messages)."""
    cases = {}
    order = []
    for line in lines:
        line = line.rstrip("\n")
        case = CASE.match(line)
        if case:
            cls, name, event, seconds = case.groups()
            key = (cls, name)
            if event == "started at":
                if key not in cases:
                    order.append(key)
                cases[key] = {"status": None, "seconds": 0.0, "messages": []}
            elif key in cases:
                cases[key]["status"] = event
                cases[key]["seconds"] = float(seconds or 0)
            continue
        issue = ISSUE.match(line)
        if issue and (issue.group(3), issue.group(4)) in cases:
            location, _, cls, name, message = issue.groups()
            cases[(cls, name)]["messages"].append(f"{location}: {message}")
    return [(cls, name, cases[(cls, name)]) for cls, name in order]


def junit(cases, owners):
    suites = {}
    for cls, name, case in cases:
        suites.setdefault(cls, []).append((name, case))
    root = ET.Element("testsuites", name="swift test --disable-swift-testing")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    total_time = 0.0
    for cls, members in suites.items():
        suite_name = f"{owners[cls]}.{cls}" if cls in owners else cls
        suite = ET.SubElement(root, "testsuite", name=suite_name)
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        suite_time = 0.0
        for name, case in members:
            element = ET.SubElement(suite, "testcase", classname=suite_name, name=name, time=f"{case['seconds']:.3f}")
            counts["tests"] += 1
            suite_time += case["seconds"]
            status = case["status"]
            if status == "skipped":
                counts["skipped"] += 1
                ET.SubElement(element, "skipped", message="\n".join(case["messages"]) or "skipped")
            elif status != "passed":
                counts["failures"] += 1
                text = "\n".join(case["messages"]) or "the test did not finish (crash?)"
                failure = ET.SubElement(element, "failure", message=text.split("\n")[0])
                failure.text = text
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("errors", "0")
        suite.set("time", f"{suite_time:.3f}")
        total_time += suite_time
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    root.set("time", f"{total_time:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def main():
    if len(sys.argv) != 3:
        print("usage: xctest-junit.py TEST_LOG TESTS_DIR", file=sys.stderr)
        sys.exit(2)
    with open(sys.argv[1], encoding="utf-8", errors="replace") as handle:
        cases = parse(handle)
    if not cases:
        print(f"xctest-junit.py: {sys.argv[1]}: no XCTest test case in this log", file=sys.stderr)
        sys.exit(2)
    sys.stdout.write(junit(cases, targets(sys.argv[2])))


if __name__ == "__main__":
    main()
