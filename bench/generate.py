#!/usr/bin/env python3
"""Writes large synthetic evidence files for homolog's reader benchmark.

Usage: generate.py OUTDIR
Sizes in MB come from the environment (0 skips a format):
  BENCH_COBERTURA_MB (default 300), BENCH_JUNIT_MB (300), BENCH_JACOCO_MB (100), BENCH_LCOV_MB (100),
  BENCH_TRIVY_MB (200), BENCH_SARIF_MB (200); BENCH_MANIFESTS (5000) Kubernetes manifest files
  written into OUTDIR/manifests/.
The content is deterministic (fixed seed) and shaped like real tool output; each file is written
in batches, so the generator itself needs little memory.
"""

import os
import random
import sys

BATCH = 2000


def target(name, default):
    return int(float(os.environ.get(name, default)) * 1_000_000)


class Sink:
    """A file that counts the bytes written to it."""

    def __init__(self, path):
        self.handle = open(path, "w", encoding="utf-8", newline="\n")
        self.size = 0

    def write(self, text):
        self.handle.write(text)
        self.size += len(text.encode("utf-8")) if not text.isascii() else len(text)

    def close(self):
        self.handle.close()


def cobertura(path, size, rng):
    out = Sink(path)
    out.write('<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n')
    # No lines-valid/lines-covered: the reader computes the totals from the distinct lines.
    out.write('<coverage line-rate="0.8" branch-rate="0.7" version="7.17.3" timestamp="1700000000000">\n')
    out.write("\t<sources><source>/src</source></sources>\n\t<packages>\n")
    index = 0
    while out.size < size:
        out.write(f'\t\t<package name="pkg{index}" line-rate="0.8" branch-rate="0.7" complexity="0">\n\t\t\t<classes>\n')
        for klass in range(20):
            parts = [f'\t\t\t\t<class name="C{klass}" filename="pkg{index}/c{klass}.py" line-rate="0.8" branch-rate="0.7" complexity="0">\n\t\t\t\t\t<methods/>\n\t\t\t\t\t<lines>\n']
            for number in range(1, 201):
                hits = rng.choice((0, 1, 1, 1, 7))
                if number % 10 == 0:
                    parts.append(f'\t\t\t\t\t\t<line number="{number}" hits="{hits}" branch="true" condition-coverage="50% (1/2)" missing-branches="{number + 3}"/>\n')
                else:
                    parts.append(f'\t\t\t\t\t\t<line number="{number}" hits="{hits}"/>\n')
            parts.append("\t\t\t\t\t</lines>\n\t\t\t\t</class>\n")
            out.write("".join(parts))
        out.write("\t\t\t</classes>\n\t\t</package>\n")
        index += 1
    out.write("\t</packages>\n</coverage>\n")
    out.close()


def junit(path, size, rng):
    out = Sink(path)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n')
    suite = 0
    while out.size < size:
        parts = [f'  <testsuite name="com.example.Suite{suite}" tests="{BATCH}" failures="0" errors="0" skipped="0" time="1.0" timestamp="2026-01-01T00:00:00">\n']
        for case in range(BATCH):
            roll = rng.random()
            head = f'    <testcase name="test_{case}_does_something_useful" classname="com.example.Suite{suite}" time="0.00{case % 10}"'
            if roll < 0.01:
                parts.append(head + '>\n      <failure message="expected: &lt;1&gt; but was: &lt;2&gt;" type="AssertionError"><![CDATA[AssertionError: expected 1 but was 2\n\tat com.example.Suite.test(Suite.java:42)\n]]></failure>\n    </testcase>\n')
            elif roll < 0.015:
                parts.append(head + '>\n      <error type="RuntimeException">java.lang.RuntimeException: boom\n\tat com.example.Suite.test(Suite.java:7)</error>\n    </testcase>\n')
            elif roll < 0.03:
                parts.append(head + '>\n      <skipped message="disabled"/>\n    </testcase>\n')
            else:
                parts.append(head + '>\n      <system-out>some output of the test</system-out>\n    </testcase>\n')
        parts.append("  </testsuite>\n")
        out.write("".join(parts))
        suite += 1
    out.write("</testsuites>\n")
    out.close()


def jacoco(path, size, rng):
    out = Sink(path)
    out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">')
    out.write('<report name="bench"><sessioninfo id="bench" start="1700000000000" dump="1700000001000"/>')
    totals = {"LINE": [0, 0], "BRANCH": [0, 0]}
    index = 0
    while out.size < size:
        package = f"com/example/p{index}"
        parts = [f'<package name="{package}">']
        for klass in range(10):
            parts.append(f'<class name="{package}/C{klass}" sourcefilename="C{klass}.java">')
            for method in range(10):
                parts.append(f'<method name="m{method}" desc="()V" line="{method * 20 + 1}"><counter type="INSTRUCTION" missed="3" covered="30"/><counter type="LINE" missed="1" covered="9"/><counter type="COMPLEXITY" missed="0" covered="1"/><counter type="METHOD" missed="0" covered="1"/></method>')
            parts.append("</class>")
        for klass in range(10):
            parts.append(f'<sourcefile name="C{klass}.java">')
            missed = covered = bmissed = bcovered = 0
            for number in range(1, 201):
                mi, ci = (0, 4) if rng.random() < 0.9 else (4, 0)
                mb, cb = (1, 1) if number % 8 == 0 else (0, 0)
                missed += mi > 0
                covered += ci > 0
                bmissed += mb
                bcovered += cb
                parts.append(f'<line nr="{number}" mi="{mi}" ci="{ci}" mb="{mb}" cb="{cb}"/>')
            parts.append(f'<counter type="LINE" missed="{missed}" covered="{covered}"/><counter type="BRANCH" missed="{bmissed}" covered="{bcovered}"/></sourcefile>')
            totals["LINE"][0] += missed
            totals["LINE"][1] += covered
            totals["BRANCH"][0] += bmissed
            totals["BRANCH"][1] += bcovered
        parts.append("</package>")
        out.write("".join(parts))
        index += 1
    for kind in ("LINE", "BRANCH"):
        out.write(f'<counter type="{kind}" missed="{totals[kind][0]}" covered="{totals[kind][1]}"/>')
    out.write("</report>")
    out.close()


def lcov(path, size, rng):
    out = Sink(path)
    index = 0
    while out.size < size:
        parts = ["TN:\n", f"SF:/src/project/module{index // 100}/file{index}.c\n"]
        for function in range(10):
            parts.append(f"FN:{function * 30 + 1},function_{function}\n")
        for function in range(10):
            parts.append(f"FNDA:{rng.choice((0, 3))},function_{function}\n")
        parts.append("FNF:10\nFNH:7\n")
        branches = hit_branches = 0
        for number in range(1, 301, 10):
            for branch in range(2):
                taken = rng.choice(("-", "0", "2"))
                branches += 1
                hit_branches += taken not in ("-", "0")
                parts.append(f"BRDA:{number},0,{branch},{taken}\n")
        parts.append(f"BRF:{branches}\nBRH:{hit_branches}\n")
        hit = 0
        for number in range(1, 301):
            count = rng.choice((0, 1, 5, 12))
            hit += count > 0
            parts.append(f"DA:{number},{count}\n")
        parts.append(f"LF:300\nLH:{hit}\nend_of_record\n")
        out.write("".join(parts))
        index += 1
    out.close()


def trivy(path, size, rng):
    """A Trivy image report (SchemaVersion 2) with many vulnerable packages, one JSON document."""
    out = Sink(path)
    out.write('{\n  "SchemaVersion": 2,\n  "CreatedAt": "2026-01-01T00:00:00Z",\n  "ArtifactName": "registry.example/app:1.0",\n'
              '  "ArtifactType": "container_image",\n  "Metadata": {"OS": {"Family": "debian", "Name": "12.5"}},\n  "Results": [\n')
    severities = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN")
    target = 0
    while out.size < size:
        parts = ['    {\n      "Target": "layer-%d (debian 12.5)",\n      "Class": "os-pkgs",\n      "Type": "debian",\n      "Vulnerabilities": [\n' % target]
        entries = []
        for index in range(BATCH):
            cve = f"CVE-20{20 + index % 6}-{target * BATCH + index:05d}"
            entries.append(
                '        {"VulnerabilityID": "%s", "PkgID": "lib%d@1.%d", "PkgName": "lib%d", "InstalledVersion": "1.%d.0", '
                '"FixedVersion": "1.%d.1", "Status": "fixed", "SeveritySource": "nvd", "PrimaryURL": "https://avd.aquasec.com/nvd/%s", '
                '"Title": "lib%d: buffer overflow in parse_header() when handling crafted input", '
                '"Description": "A flaw was found in lib%d. A remote attacker could send a crafted request that triggers an out-of-bounds write, leading to a crash or code execution.", '
                '"Severity": "%s", "CweIDs": ["CWE-787"], "CVSS": {"nvd": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "V3Score": 9.8}}, '
                '"References": ["https://example.org/advisory/%s", "https://example.org/patch/%d"], '
                '"PublishedDate": "2024-01-01T00:00:00Z", "LastModifiedDate": "2024-02-01T00:00:00Z"}'
                % (cve, index % 300, index % 9, index % 300, index % 9, index % 9, cve.lower(), index % 300, index % 300,
                   severities[rng.randrange(5)], cve, index))
        parts.append(",\n".join(entries))
        parts.append("\n      ]\n    }")
        out.write(("" if target == 0 else ",\n") + "".join(parts))
        target += 1
    out.write("\n  ]\n}\n")
    out.close()


def sarif(path, size, rng):
    """A SARIF 2.1.0 log with one run, 50 rules and many results."""
    out = Sink(path)
    rules = ",".join(
        '{"id": "rule-%d", "name": "Rule%d", "shortDescription": {"text": "Possible injection %d"}, '
        '"defaultConfiguration": {"level": "%s"}, "properties": {"security-severity": "%.1f", "tags": ["security", "CWE-89"]}}'
        % (r, r, r, ("error", "warning", "note")[r % 3], 2.0 + (r % 8)) for r in range(50))
    out.write('{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [{"tool": {"driver": '
              '{"name": "BenchScanner", "semanticVersion": "1.0.0", "rules": [%s]}}, "results": [\n' % rules)
    index = 0
    while out.size < size:
        entries = []
        for _ in range(BATCH):
            rule = rng.randrange(50)
            entries.append(
                '{"ruleId": "rule-%d", "ruleIndex": %d, "level": "%s", "message": {"text": "Untrusted input flows into a query at line %d"}, '
                '"locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/module%d/file%d.py", "uriBaseId": "%%SRCROOT%%"}, '
                '"region": {"startLine": %d, "startColumn": 5, "endLine": %d, "endColumn": 40, "snippet": {"text": "cursor.execute(query %% user_input)"}}}}], '
                '"partialFingerprints": {"primaryLocationLineHash": "%016x:1"}}'
                % (rule, rule, ("error", "warning", "note")[rule % 3], index % 900 + 1, index % 97, index, index % 900 + 1, index % 900 + 3,
                   rng.getrandbits(64)))
            index += 1
        out.write(("" if index == BATCH else ",\n") + ",\n".join(entries))
    out.write("\n]}]}\n")
    out.close()


MANIFEST = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: service-{n}
  namespace: team-{ns}
  labels:
    app.kubernetes.io/name: service-{n}
    app.kubernetes.io/part-of: bench
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: service-{n}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: service-{n}
    spec:
      containers:
        - name: app
          image: registry.example/team-{ns}/service-{n}:{tag}
          ports:
            - containerPort: 8080
          resources:
            requests: {{cpu: 100m, memory: 128Mi}}
            limits: {{cpu: 500m, memory: 256Mi}}
          readinessProbe:
            httpGet: {{path: /healthz, port: 8080}}
          livenessProbe:
            httpGet: {{path: /healthz, port: 8080}}
          securityContext:
            readOnlyRootFilesystem: true
---
apiVersion: v1
kind: Service
metadata:
  name: service-{n}
  namespace: team-{ns}
spec:
  selector:
    app.kubernetes.io/name: service-{n}
  ports:
    - port: 80
      targetPort: 8080
"""


def manifests(folder, count, rng):
    """`count` manifest files (a Deployment and a Service each), a few with a latest tag."""
    os.makedirs(folder, exist_ok=True)
    for n in range(count):
        tag = "latest" if rng.random() < 0.1 else f"1.{n % 20}.{n % 7}"
        with open(os.path.join(folder, f"service-{n:05d}.yaml"), "w", encoding="utf-8") as handle:
            handle.write(MANIFEST.format(n=n, ns=n % 40, tag=tag))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(42)
    plan = [
        ("cobertura.xml", cobertura, target("BENCH_COBERTURA_MB", 300)),
        ("junit.xml", junit, target("BENCH_JUNIT_MB", 300)),
        ("jacoco.xml", jacoco, target("BENCH_JACOCO_MB", 100)),
        ("coverage.info", lcov, target("BENCH_LCOV_MB", 100)),
        ("trivy.json", trivy, target("BENCH_TRIVY_MB", 200)),
        ("sarif.json", sarif, target("BENCH_SARIF_MB", 200)),
    ]
    for name, write, size in plan:
        path = os.path.join(folder, name)
        if size <= 0:
            if os.path.exists(path):
                os.remove(path)
            continue
        write(path, size, rng)
        print(f"{path}: {os.path.getsize(path) / 1e6:.1f} MB")
    count = int(os.environ.get("BENCH_MANIFESTS", 5000))
    folder_path = os.path.join(folder, "manifests")
    if os.path.isdir(folder_path):
        for name in os.listdir(folder_path):
            os.remove(os.path.join(folder_path, name))
    if count > 0:
        manifests(folder_path, count, rng)
        print(f"{folder_path}: {count} manifest files")


if __name__ == "__main__":
    main()
