#!/usr/bin/env python3
"""Validates dossier.json files against schemas/dossier.schema.json (JSON Schema draft 2020-12, Python jsonschema).

    python3 scripts/validate_dossiers.py [--sink DIR --minimum N] FILE...

Every FILE must validate. With --sink, every *.json in DIR (the dossiers the test suite left, collected through
HOMOLOG_DOSSIER_SINK by Tests/Support/TemporaryFolders.swift: copies of files named dossier.json) is validated too,
and at least N must be valid dossiers of this major version, so the check cannot pass on an empty collection. Every
file of the sink was named like a dossier, so one that is not JSON or lacks "schema" fails (a regression dropping the
key must not pass unseen); only a file whose "schema" ("homolog-dossier/N") or "schema_version" says another major
version (a test of the refusal) is skipped and counted. An error names the file and the JSON path. Exit 0 when all
pass, 1 otherwise.
"""
import argparse
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAJOR = 2


def claimed_major(document):
    """The major version a document claims, or None when it does not claim to be a dossier of a known shape."""
    if not isinstance(document, dict) or not str(document.get("schema", "")).startswith("homolog-dossier/"):
        return None
    version = document.get("schema_version")
    if isinstance(version, str) and version.split(".")[0].isdigit():
        return int(version.split(".")[0])
    tail = document["schema"][len("homolog-dossier/"):]
    return int(tail) if tail.isdigit() else -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sink")
    parser.add_argument("--minimum", type=int, default=1)
    parser.add_argument("files", nargs="*")
    options = parser.parse_args()
    schema = json.loads((ROOT / "schemas" / "dossier.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    failed = []

    def validate(path, document):
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
        for error in errors[:5]:
            print(f"FAIL {path}: at {error.json_path}: {error.message[:300]}")
        if errors:
            failed.append(path)

    for name in options.files:
        validate(name, json.loads(pathlib.Path(name).read_text(encoding="utf-8")))
    print(f"validate-dossiers: {len(options.files)} given dossier(s) checked")
    if options.sink:
        valid, skipped = 0, []
        for path in sorted(pathlib.Path(options.sink).glob("*.json")):
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as error:
                print(f"FAIL {path.name}: a dossier.json the tests left is not JSON ({error})")
                failed.append(path.name)
                continue
            if not isinstance(document, dict) or "schema" not in document:
                print(f"FAIL {path.name}: a dossier.json the tests left has no \"schema\" key")
                failed.append(path.name)
                continue
            major = claimed_major(document)
            if major is not None and major != MAJOR:
                skipped.append(f"{path.name} (major {major})")
                continue
            before = len(failed)
            validate(path.name, document)
            valid += len(failed) == before
        print(f"validate-dossiers: {valid} dossier(s) the tests wrote are valid, {len(skipped)} file(s) skipped: "
              + ", ".join(skipped))
        if valid < options.minimum:
            print(f"FAIL the tests left {valid} valid dossier(s) in {options.sink}, at least {options.minimum} expected")
            failed.append(options.sink)
    print(f"validate-dossiers: {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
