#!/usr/bin/env python3
"""Renders a Helm chart's templates with its values, as `helm template` would, for the small part of Helm's
template language homolog's chart uses (no helm binary is available here):

  {{ .Values.a.b }}  {{ .Release.Name }}  {{ .Chart.AppVersion }}  {{ "text" }}
  {{ range $x := LIST }} … {{ end }}   (inside, `.` is the item and `$` the top, as in Go templates)
  {{ if VALUE }} … {{ end }}
  functions: toYaml, nindent N, indent N, quote, required "message" VALUE, default FALLBACK VALUE; pipes `|`
  {{- and -}} trim the whitespace before and after, as in Go templates.

Anything else is an error (exit 2), never silently passed through. Values: the chart's values.yaml, then each
-f FILE merged over it (maps merged key by key, as Helm does), then --set a.b=text. Documents are printed as
`helm template` prints them: `---`, a `# Source: CHART/templates/FILE` line, empty documents dropped, sorted by
Helm's install order of kinds, then template file name.

  scripts/render-chart.py deploy/helm/homolog -f deploy/helm/homolog/ci/default-values.yaml [--name homolog]
"""
import argparse
import json
import os
import re
import sys

import yaml

# Helm's install order (pkg/releaseutil/kind_sorter.go), for the kinds a chart here may hold; others come last.
KIND_ORDER = ["Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "ServiceAccount", "Secret", "ConfigMap",
              "PersistentVolume", "PersistentVolumeClaim", "Role", "RoleBinding", "Service", "Deployment",
              "StatefulSet", "Job", "CronJob", "Ingress"]

ACTION = re.compile(r"\{\{(-\s)?\s*(.*?)\s*(\s-)?\}\}", re.DOTALL)
TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\(|\)|\||[^\s|()]+')


class TemplateError(Exception):
    pass


def parse(text, name):
    """The template as a tree: strings, ("action", expr), ("range", var, expr, body), ("if", expr, body)."""
    pieces = []
    position = 0
    for match in ACTION.finditer(text):
        before = text[position:match.start()]
        if match.group(1):
            before = before.rstrip()
        pieces.append(before)
        pieces.append(("tag", match.group(2), bool(match.group(3)), text.count("\n", 0, match.start()) + 1))
        position = match.end()
    pieces.append(text[position:])
    # A trailing "-}}" trims the whitespace that follows it.
    for index, piece in enumerate(pieces):
        if isinstance(piece, tuple) and piece[2] and index + 1 < len(pieces):
            pieces[index + 1] = pieces[index + 1].lstrip()
    root = []
    stack = [root]
    for piece in pieces:
        if isinstance(piece, str):
            stack[-1].append(piece)
            continue
        _, body, _, line = piece
        where = f"{name}:{line}"
        if body.startswith("/*"):
            continue
        words = body.split(None, 1)
        keyword = words[0] if words else ""
        if keyword == "range":
            found = re.fullmatch(r"(\$\w+)\s*:=\s*(.+)", words[1] if len(words) > 1 else "", re.DOTALL)
            if not found:
                raise TemplateError(f"{where}: only `range $item := LIST` is supported")
            node = ("range", found.group(1), found.group(2), [], where)
            stack[-1].append(node)
            stack.append(node[3])
        elif keyword == "if":
            node = ("if", words[1], [], where)
            stack[-1].append(node)
            stack.append(node[2])
        elif keyword == "end":
            if len(stack) == 1:
                raise TemplateError(f"{where}: `end` without `range` or `if`")
            stack.pop()
        elif keyword in ("else", "with", "define", "include", "template", "block", "tpl"):
            raise TemplateError(f"{where}: `{keyword}` is not supported by this renderer")
        else:
            stack[-1].append(("action", body, where))
    if len(stack) != 1:
        raise TemplateError(f"{name}: a `range` or `if` has no `end`")
    return root


def lookup(path, scope, where):
    """The value of `.a.b`, `$.a.b` or `$x.a.b` in scope (dot, top, variables); None when a key is missing."""
    if path.startswith("$."):
        value, keys = scope["$"], path[2:]
    elif path == "$":
        return scope["$"]
    elif path.startswith("$"):
        name, _, keys = path.partition(".")
        if name not in scope["vars"]:
            raise TemplateError(f"{where}: undefined variable {name}")
        value = scope["vars"][name]
    elif path.startswith("."):
        value, keys = scope["."], path[1:]
    else:
        raise TemplateError(f"{where}: unknown function or value `{path}`")
    for key in filter(None, keys.split(".")):
        if not isinstance(value, dict):
            raise TemplateError(f"{where}: `{path}`: {key} of a value that is not a map")
        value = value.get(key)
    return value


class HelmDumper(yaml.SafeDumper):
    """Quotes as Helm's YAML library does: with double quotes where a string needs quoting (`cpu: "1"`)."""

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def to_yaml(value):
    # Helm's toYaml: keys sorted, block style, no trailing newline.
    return yaml.dump(value, Dumper=HelmDumper, default_flow_style=False, sort_keys=True, allow_unicode=True).rstrip("\n")


def text_of(value, where):
    if value is None:
        raise TemplateError(f"{where}: no value (a missing key); give it in values.yaml")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        raise TemplateError(f"{where}: a map or list printed as text; use toYaml")
    return str(value)


def argument(token, scope, where):
    if token.startswith('"'):
        return json.loads(token)
    if re.fullmatch(r"-?\d+", token):
        return int(token)
    if token in ("true", "false"):
        return token == "true"
    return lookup(token, scope, where)


def call(words, piped, scope, where):
    """One command of a pipeline; `piped` is the previous command's value (its last argument), or absent."""
    name, tokens = words[0], words[1:]
    args = [argument(token, scope, where) for token in tokens]
    if piped is not None:
        args.append(piped[0])
    if name in ("toYaml", "quote") and len(args) == 1:
        value = args[0]
        return to_yaml(value) if name == "toYaml" else json.dumps(text_of(value, where), ensure_ascii=False)
    if name in ("nindent", "indent") and len(args) == 2:
        pad = " " * args[0]
        indented = "\n".join(pad + line if line else line for line in text_of(args[1], where).split("\n"))
        return "\n" + indented if name == "nindent" else indented
    if name == "required" and len(args) == 2:
        if args[1] in (None, ""):
            raise TemplateError(f"{where}: {args[0]}")
        return args[1]
    if name == "default" and len(args) == 2:
        return args[1] if args[1] not in (None, "", [], {}, False, 0) else args[0]
    if len(words) == 1 and piped is None:
        return argument(name, scope, where)
    raise TemplateError(f"{where}: unsupported command `{' '.join(words)}`")


def evaluate(expression, scope, where):
    value = None
    for index, command in enumerate(expression.split("|")):
        words = TOKEN.findall(command.strip())
        if not words or "(" in words or ")" in words:
            raise TemplateError(f"{where}: unsupported expression `{expression}`")
        value = call(words, None if index == 0 else (value,), scope, where)
    return value


def execute(nodes, scope):
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif node[0] == "action":
            out.append(text_of(evaluate(node[1], scope, node[2]), node[2]))
        elif node[0] == "range":
            items = evaluate(node[2], scope, node[4]) or []
            if not isinstance(items, list):
                raise TemplateError(f"{node[4]}: range over a value that is not a list")
            for item in items:
                inner = {"$": scope["$"], ".": item, "vars": {**scope["vars"], node[1]: item}}
                out.append(execute(node[3], inner))
        elif node[0] == "if":
            if evaluate(node[1], scope, node[3]) not in (None, "", [], {}, False, 0):
                out.append(execute(node[2], scope))
    return "".join(out)


def merge(base, over):
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge(base[key], value)
        else:
            base[key] = value
    return base


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def render(chart_dir, value_files, sets, release):
    chart = load(os.path.join(chart_dir, "Chart.yaml"))
    values = load(os.path.join(chart_dir, "values.yaml"))
    for path in value_files:
        merge(values, load(path))
    for assignment in sets:
        path, _, text = assignment.partition("=")
        keys = path.split(".")
        target = values
        for key in keys[:-1]:
            target = target.setdefault(key, {})
        target[keys[-1]] = text
    top = {
        "Values": values,
        "Release": {"Name": release, "Namespace": "default", "Service": "Helm"},
        "Chart": {"Name": chart["name"], "Version": chart["version"], "AppVersion": chart.get("appVersion")},
    }
    templates = os.path.join(chart_dir, "templates")
    documents = []
    for file_name in sorted(os.listdir(templates)):
        if not file_name.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(templates, file_name), encoding="utf-8") as handle:
            text = handle.read()
        rendered = execute(parse(text, f"templates/{file_name}"), {"$": top, ".": top, "vars": {}})
        for document in re.split(r"^---[ \t]*$", rendered, flags=re.MULTILINE):
            content = document.strip("\n")
            parsed = yaml.safe_load(content)
            if not parsed:
                continue
            kind = parsed.get("kind")
            order = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
            documents.append((order, file_name, len(documents), content))
    documents.sort()
    return "".join(f"---\n# Source: {chart['name']}/templates/{name}\n{content}\n" for _, name, _, content in documents)


def main():
    parser = argparse.ArgumentParser(description="Render a Helm chart (the subset of Helm templates it uses).")
    parser.add_argument("chart")
    parser.add_argument("-f", "--values", action="append", default=[])
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--name", default="homolog", help="release name (default homolog)")
    options = parser.parse_args()
    try:
        sys.stdout.write(render(options.chart, options.values, options.set, options.name))
    except (TemplateError, yaml.YAMLError, OSError) as error:
        print(f"render-chart.py: {error}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
