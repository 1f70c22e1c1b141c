#!/usr/bin/env python3
"""Renders a Cloud Pi Native pipeline with homolog's GitLab job included, and checks it as GitLab would.

The pipeline is the catalogue's example (`.gitlab-ci-dso.example.java.yml`) with the lines the README's
section "homolog in a Cloud Pi Native pipeline" tells a project to add (the YAML block between the
`cpin-pipeline-snippet` markers). Includes are resolved locally: `project: $CATALOG_PATH` from the
catalogue's copy, homolog's own file from `ci/gitlab/`. Merging follows GitLab's rules: included files
first, the project's file over them (mappings merged key by key, other values replaced); `extends`
likewise, a job over its templates.

Facts checked on the rendered pipeline (each one a reason GitLab refuses or breaks a pipeline):
  - every job's stage (default `test`) is declared in `stages:`;
  - every `extends` names a job or template that exists, without a cycle;
  - every `needs` names a job of the pipeline in the same or an earlier stage;
  - every job has a `script` after `extends`;
  - every `artifacts:reports` kind is one GitLab knows;
  - homolog's jobs run images with a version tag, never `latest` or none (EXI-ARCH-27);
  - homolog's jobs run `when: always` (the Sonar job they need fails when its quality gate fails);
  - the collect job needs `read_secret` (the Harbor and Sonar credentials are its dotenv variables).
With --schema, the rendered pipeline is also validated against GitLab's CI JSON Schema (needs jsonschema).

Usage: check-gitlab-pipeline.py [--snippet FILE] [--example FILE] [--out FILE] [--schema FILE]
Exit 0 when every fact holds, 1 when one does not (each printed), 2 on bad input.
"""
import argparse
import copy
import json
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOGUE = os.path.join(ROOT, "Tests", "Fixtures", "ci", "cpin-gitlab-ci-catalog")
TEMPLATE = os.path.join(ROOT, "ci", "gitlab", "homolog.yml")
RESERVED = {"include", "stages", "variables", "default", "workflow", "image", "services", "cache",
            "before_script", "after_script", "spec", "pages"}
REPORT_KINDS = {"accessibility", "annotations", "api_fuzzing", "browser_performance", "coverage_report",
                "codequality", "container_scanning", "coverage_fuzzing", "cyclonedx", "dast",
                "dependency_scanning", "dotenv", "junit", "license_scanning", "load_performance",
                "metrics", "requirements", "repository_xray", "sast", "secret_detection", "terraform"}
HOMOLOG_TEMPLATES = (".homolog:collect", ".homolog:evaluate", ".homolog:gate")


def load(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle) or {}
    except (OSError, yaml.YAMLError) as error:
        sys.exit(f"check-gitlab-pipeline: {path}: {error}")


def snippet_from_readme(readme):
    text = open(readme, encoding="utf-8").read()
    match = re.search(r"<!-- cpin-pipeline-snippet:begin -->\s*```yaml\n(.*?)```\s*<!-- cpin-pipeline-snippet:end -->",
                      text, re.S)
    if not match:
        sys.exit(f"check-gitlab-pipeline: {readme}: no ```yaml block between the cpin-pipeline-snippet markers")
    return yaml.safe_load(match.group(1)) or {}


def merge(base, over):
    """GitLab's deep merge: mappings key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        result = dict(base)
        for key, value in over.items():
            result[key] = merge(base[key], value) if key in base else copy.deepcopy(value)
        return result
    return copy.deepcopy(over)


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def add_snippet(project, snippet):
    """The project's file after the README's edits: include entries appended, the rest merged over it."""
    result = merge(project, {key: value for key, value in snippet.items() if key != "include"})
    result["include"] = as_list(project.get("include")) + as_list(snippet.get("include"))
    return result


def resolve_includes(project):
    merged = {}
    for entry in as_list(project.get("include")):
        files = as_list(entry.get("file") if isinstance(entry, dict) else entry)
        for name in files:
            if isinstance(entry, dict) and entry.get("project") == "$CATALOG_PATH":
                path = os.path.join(CATALOGUE, name)
            elif name.endswith("ci/gitlab/homolog.yml"):
                path = TEMPLATE
            else:
                sys.exit(f"check-gitlab-pipeline: include of {name!r}: not the catalogue nor homolog's file")
            if not os.path.exists(path):
                # The catalogue's example names files the catalogue may not hold; GitLab refuses that too.
                print(f"include: {name} does not exist in the catalogue", file=sys.stderr)
                return None
            merged = merge(merged, load(path))
    rest = {key: value for key, value in project.items() if key != "include"}
    return merge(merged, rest)


def resolve_extends(name, jobs, trail, problems):
    job = jobs[name]
    result = {}
    for parent in as_list(job.get("extends")):
        if parent in trail:
            problems.append(f"{name}: extends {parent} in a cycle")
            continue
        if parent not in jobs:
            problems.append(f"{name}: extends {parent!r}, which no file defines")
            continue
        result = merge(result, resolve_extends(parent, jobs, trail | {parent}, problems))
    return merge(result, {key: value for key, value in job.items() if key != "extends"})


def pinned(image):
    name = image.get("name") if isinstance(image, dict) else image
    if not isinstance(name, str) or not name:
        return False
    last = name.rsplit("/", 1)[-1]
    if "@sha256:" in last:
        return True
    return ":" in last and not last.endswith(":latest")


def check(pipeline, homolog_jobs):
    problems = []
    stages = [".pre"] + as_list(pipeline.get("stages")) + [".post"]
    definitions = {key: value for key, value in pipeline.items() if key not in RESERVED and isinstance(value, dict)}
    resolved = {}
    for name in definitions:
        if not name.startswith("."):
            resolved[name] = resolve_extends(name, definitions, {name}, problems)
    for name, job in resolved.items():
        stage = job.get("stage", "test")
        if stage not in stages:
            problems.append(f"{name}: stage {stage!r} is not declared in stages: {stages[1:-1]}")
        if "script" not in job and "trigger" not in job:
            problems.append(f"{name}: no script")
        for need in as_list(job.get("needs")):
            needed = need.get("job") if isinstance(need, dict) else need
            if needed not in resolved:
                problems.append(f"{name}: needs {needed!r}, which is not a job of the pipeline")
            elif stage in stages and resolved[needed].get("stage", "test") in stages \
                    and stages.index(resolved[needed].get("stage", "test")) > stages.index(stage):
                problems.append(f"{name}: needs {needed!r}, which runs in a later stage")
        reports = (job.get("artifacts") or {}).get("reports") or {}
        for kind in reports:
            if kind not in REPORT_KINDS:
                problems.append(f"{name}: artifacts:reports:{kind} is not a GitLab report kind")
    for name in homolog_jobs:
        job = resolved.get(name, {})
        image = job.get("image")
        value = image.get("name") if isinstance(image, dict) else image
        if isinstance(value, str) and value.startswith("$"):
            name_of = value.strip("${}")
            value = (job.get("variables") or {}).get(name_of) or (pipeline.get("variables") or {}).get(name_of, "")
        if job.get("when") != "always":
            problems.append(f"{name}: does not run when: always, so a failed Sonar gate leaves no dossier")
        if not pinned(value):
            problems.append(f"{name}: image {value!r} has no version tag (never latest: EXI-ARCH-27)")
        if HOMOLOG_TEMPLATES[0] in as_list(definitions[name].get("extends")) and "read_secret" not in \
                [need.get("job") if isinstance(need, dict) else need for need in as_list(job.get("needs"))]:
            problems.append(f"{name}: does not need read_secret, whose dotenv holds the Harbor and Sonar credentials")
    return resolved, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snippet", help="the lines to add (default: the README's block)")
    parser.add_argument("--example", default=os.path.join(CATALOGUE, ".gitlab-ci-dso.example.java.yml"))
    parser.add_argument("--out", help="write the rendered pipeline (JSON) here")
    parser.add_argument("--schema", help="GitLab's CI JSON Schema to validate the rendered pipeline against")
    args = parser.parse_args()

    snippet = load(args.snippet) if args.snippet else snippet_from_readme(os.path.join(ROOT, "README.md"))
    project = add_snippet(load(args.example), snippet)
    pipeline = resolve_includes(project)
    if pipeline is None:
        return 1
    homolog_jobs = [name for name, job in snippet.items() if isinstance(job, dict)
                    and any(template in as_list(job.get("extends")) for template in HOMOLOG_TEMPLATES)]
    if not homolog_jobs:
        print("the snippet defines no job extending .homolog:collect or .homolog:evaluate", file=sys.stderr)
        return 1
    resolved, problems = check(pipeline, homolog_jobs)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump(pipeline, handle, indent=1, sort_keys=True)
    if args.schema:
        import jsonschema
        schema = json.load(open(args.schema, encoding="utf-8"))
        for error in sorted(jsonschema.Draft7Validator(schema).iter_errors(pipeline), key=lambda e: list(e.path)):
            problems.append(f"schema: {'/'.join(map(str, error.path)) or '(root)'}: {error.message[:200]}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    stages = as_list(pipeline.get("stages"))
    placed = ", ".join(f"{name} ({resolved[name].get('stage')})" for name in homolog_jobs)
    print(f"pipeline valid: {len(resolved)} jobs in {len(stages)} stages ({', '.join(stages)}); homolog jobs: {placed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
