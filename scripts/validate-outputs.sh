#!/usr/bin/env bash
# Validates homolog's CI report files against their published formats, on the demo sample:
#   findings.sarif                  SARIF 2.1.0 JSON schema (Tests/Fixtures/schemas/sarif-schema-2.1.0.json)
#   oscal-assessment-results.json   loads into compliance-trestle's OSCAL AssessmentResults model
#   junit.xml                       parses with junitparser, one test case per requirement
#   gl-code-quality.json            GitLab Code Quality keys and severities
#   dossier.html                    strict HTML5 parsing, no external URL (French and English)
#   ci/gitlab/homolog.yml           in the CPiN catalogue's example pipeline, against GitLab's CI JSON Schema
#   dossier.json                    schemas/dossier.schema.json (draft 2020-12): the demo's, the golden one and, when
#                                   HOMOLOG_DOSSIER_SINK names where the test suite left its dossiers (.ci/run), each of
#                                   those, at least HOMOLOG_DOSSIER_MINIMUM of them (scripts/validate_dossiers.py)
# and checks that two runs with the same --as-of give byte-identical files.
#
# Self-contained: builds homolog (unless HOMOLOG_BIN is set) and installs the Python validators in a
# virtual environment (HOMOLOG_VALIDATE_VENV, default .build/validate-venv). Exit 0 when all pass.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${HOMOLOG_VALIDATE_VENV:-$ROOT/.build/validate-venv}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [ -z "${HOMOLOG_BIN:-}" ]; then
  swift build --product homolog 2>&1 | grep -E "error|warning:" || true
  HOMOLOG_BIN="$ROOT/.build/debug/homolog"
fi
[ -x "$HOMOLOG_BIN" ] || { echo "validate-outputs: no homolog binary at $HOMOLOG_BIN" >&2; exit 2; }

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import jsonschema, trestle, junitparser, html5lib, yaml" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check jsonschema compliance-trestle junitparser html5lib pyyaml
fi

# The demo, evaluated as shipped.
cp -R samples/demo "$WORK/demo"
evaluate() {
  local out="$1" status
  set +e
  "$HOMOLOG_BIN" evaluate --config "$WORK/demo/homolog.yaml" --out "$out" --as-of 2026-11-22 --quiet 2>"$WORK/stderr"
  status=$?
  set -e
  [ "$status" -le 1 ]  # 0 passed, 1 gate failed (the demo is éliminatoire): both wrote the dossier
}
evaluate "$WORK/out" || { cat "$WORK/stderr" >&2; exit 2; }
evaluate "$WORK/again" || { cat "$WORK/stderr" >&2; exit 2; }

# Non-regression on the demo: a copy with one more critical vulnerability and lower front-end coverage.
cp -R "$WORK/demo" "$WORK/after"
python3 - "$WORK/after/reports" <<'PY'
import json, re, sys
reports = sys.argv[1]
trivy = f"{reports}/shared/trivy-api-image.json"
data = json.load(open(trivy, encoding="utf-8"))
for result in data["Results"]:
    if result.get("Vulnerabilities"):
        added = dict(result["Vulnerabilities"][0], VulnerabilityID="CVE-2099-0001", Severity="CRITICAL",
                     PkgName="libexample", Title="libexample: remote code execution")
        result["Vulnerabilities"].append(added)
        break
json.dump(data, open(trivy, "w", encoding="utf-8"), indent=1)
cobertura = f"{reports}/web/cobertura-coverage.xml"
text = open(cobertura, encoding="utf-8").read()
text = re.sub(r'lines-covered="\d+"', 'lines-covered="120"', text, count=1)
open(cobertura, "w", encoding="utf-8").write(text)
PY
set +e
"$HOMOLOG_BIN" evaluate --config "$WORK/after/homolog.yaml" --out "$WORK/after-out" --as-of 2026-11-22 \
  --baseline "$WORK/out/dossier.json" --fail-on regression --lang en 2>"$WORK/after.stderr"
evaluate_status=$?
"$HOMOLOG_BIN" diff "$WORK/out/dossier.json" "$WORK/after-out/dossier.json" --lang en --fail-on regression \
  >"$WORK/diff.md" 2>"$WORK/diff.stderr"
diff_status=$?
set -e

"$VENV/bin/python" - "$WORK/out" "$WORK/again" "$ROOT/Tests/Fixtures/schemas/sarif-schema-2.1.0.json" "$ROOT/Tests/Golden/ci-reports/expected" \
  "$WORK" "$evaluate_status" "$diff_status" <<'PY'
import json, pathlib, sys, warnings
warnings.filterwarnings("ignore")
out, again, schema_path = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
golden = pathlib.Path(sys.argv[4])
work, evaluate_status, diff_status = pathlib.Path(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
passed, failed = 0, 0

def check(name, function):
    global passed, failed
    try:
        detail = function()
        passed += 1
        print(f"ok   {name}: {detail}")
    except Exception as error:  # report every failure, then exit non-zero
        failed += 1
        print(f"FAIL {name}: {type(error).__name__}: {error}")

dossier = json.loads((out / "dossier.json").read_text(encoding="utf-8"))

def sarif(out=out):
    import jsonschema
    document = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(document, json.load(open(schema_path, encoding="utf-8")))
    runs = document["runs"]
    assert 1 <= len(runs) <= 20, f"{len(runs)} runs"
    for run in runs:
        assert len(run["results"]) <= 25000
        for result in run["results"]:
            assert result["partialFingerprints"], "a result without partialFingerprints"
        for rule in run["tool"]["driver"]["rules"]:
            assert rule["help"]["text"] and len(rule["properties"]["tags"]) <= 20
    return f"valid SARIF 2.1.0, {len(runs)} run(s), {sum(len(r['results']) for r in runs)} result(s)"

def oscal(out=out, dossier=dossier):
    from trestle.oscal.assessment_results import AssessmentResults
    model = AssessmentResults.oscal_read(out / "oscal-assessment-results.json")
    result = model.results[0]
    objectives = model.local_definitions.objectives_and_methods
    assert dossier is None or len(objectives) == len(dossier["requirements"]), "one objective per requirement"
    for risk in result.risks or []:
        assert risk.deadline is not None
    return f"trestle AssessmentResults: {len(objectives)} objectives, {len(result.observations or [])} observations, " \
           f"{len(result.findings or [])} findings, {len(result.risks or [])} risks"

def junit(out=out, dossier=dossier):
    from junitparser import JUnitXml
    xml = JUnitXml.fromfile(str(out / "junit.xml"))
    cases = [case for suite in xml for case in suite]
    if dossier is not None:
        assert len(cases) == len(dossier["requirements"]), f"{len(cases)} test cases for {len(dossier['requirements'])} requirements"
        failing = sum(1 for r in dossier["requirements"] if r["status"] in ("non_conforme", "non_evalue"))
        assert xml.failures == failing, f"{xml.failures} failures, expected {failing}"
    return f"junitparser: {len(cases)} test cases, {xml.failures} failures, {xml.skipped} skipped"

def code_quality(out=out):
    issues = json.loads((out / "gl-code-quality.json").read_text(encoding="utf-8"))
    assert isinstance(issues, list)
    fingerprints = set()
    for issue in issues:
        for key in ("description", "check_name", "fingerprint", "severity", "location"):
            assert key in issue, f"missing {key}"
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker"), issue["severity"]
        assert isinstance(issue["location"]["path"], str) and issue["location"]["path"]
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["fingerprint"] not in fingerprints, "duplicate fingerprint"
        fingerprints.add(issue["fingerprint"])
    return f"{len(issues)} issue(s) with GitLab's required keys"

def deterministic():
    names = sorted(p.name for p in out.iterdir())
    for name in names:
        assert (out / name).read_bytes() == (again / name).read_bytes(), f"{name} differs between two runs"
    return f"{len(names)} files byte-identical across runs"

check("findings.sarif", sarif)
check("oscal-assessment-results.json", oscal)
check("junit.xml", junit)
check("gl-code-quality.json", code_quality)
check("determinism", deterministic)

def regression():
    stderr = (work / "after.stderr").read_text(encoding="utf-8")
    diff = (work / "diff.md").read_text(encoding="utf-8")
    assert evaluate_status == 1, f"evaluate --baseline --fail-on regression exited {evaluate_status}: {stderr}"
    assert diff_status == 1, f"diff --fail-on regression exited {diff_status}"
    for text in (stderr, diff.replace("\\", "")):
        assert "new critical finding CVE-2099-0001" in text, text
        assert "web: line coverage down from 81.5 % to 60 %" in text, text
    return "a new critical vulnerability and a coverage drop are both named; --fail-on regression exits 1"

check("non-regression", regression)
# The golden files of the renderer tests cover what the demo lacks (paths, lines, secrets, expired derogations).
for folder in (golden, golden.parent.parent / "demo" / "expected"):
    label = f"golden {folder.parent.name}"
    check(f"{label} findings.sarif", lambda folder=folder: sarif(folder))
    check(f"{label} oscal-assessment-results.json", lambda folder=folder: oscal(folder, None))
    check(f"{label} junit.xml", lambda folder=folder: junit(folder, None))
    check(f"{label} gl-code-quality.json", lambda folder=folder: code_quality(folder))
print(f"validate-outputs: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY

# The HTML dossier, French and English: strict HTML5 parsing and no external URL (scripts/check_html.py).
"$HOMOLOG_BIN" evaluate --config "$WORK/demo/homolog.yaml" --out "$WORK/en" --as-of 2026-11-22 --lang en --quiet 2>/dev/null || true
"$VENV/bin/python" scripts/check_html.py "$WORK/out/dossier.html" "$WORK/en/dossier.html"
# The demo's diff, comparison and portfolio pages, from the built-in templates: the same checks.
"$HOMOLOG_BIN" diff "$WORK/out/dossier.json" "$WORK/after-out/dossier.json" --format html >"$WORK/diff.html" 2>/dev/null || true
"$HOMOLOG_BIN" compare "$WORK/out/dossier.json" "$WORK/en/dossier.json" --format html >"$WORK/comparison.html" 2>/dev/null || true
"$HOMOLOG_BIN" portfolio "$WORK/en" --format html >"$WORK/portfolio.html" 2>/dev/null || true
"$VENV/bin/python" scripts/check_html.py "$WORK/diff.html" "$WORK/comparison.html" "$WORK/portfolio.html"

# The GitLab job in the Cloud Pi Native catalogue's example pipeline, rendered with the README's lines,
# against GitLab's CI JSON Schema (scripts/check-gitlab-pipeline.py; the tests check the same facts without it).
"$VENV/bin/python" scripts/check-gitlab-pipeline.py --schema Tests/Fixtures/schemas/gitlab-ci.json

# dossier.json against its published JSON Schema: the demo's (plain, with a regression, in English), the golden one and
# every dossier the test suite wrote when .ci/run collected them (scripts/validate_dossiers.py).
"$VENV/bin/python" scripts/validate_dossiers.py \
  ${HOMOLOG_DOSSIER_SINK:+--sink "$HOMOLOG_DOSSIER_SINK" --minimum "${HOMOLOG_DOSSIER_MINIMUM:-1}"} \
  "$WORK/out/dossier.json" "$WORK/after-out/dossier.json" "$WORK/en/dossier.json" Tests/Golden/demo/expected/dossier.json
