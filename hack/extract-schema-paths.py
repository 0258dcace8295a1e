#!/usr/bin/env python3
"""Prints the schema facts of CRDs as one line per field: `<Kind> <path> <type>[ required]`.

Only facts are printed (field paths, types, formats, required-ness), no descriptions. Paths use
`.name` for properties, `[]` for list items and `{}` for map values; the type is the schema
`type` (with `/format` when set), `any` for a preserve-unknown-fields schema without a type.
Used to make api/src/test/resources/upstream-schema/paths.txt from upstream's CRDs:

  hack/extract-schema-paths.py UPSTREAM_CRD.yaml... > api/src/test/resources/upstream-schema/paths.txt
"""
import sys

import yaml


def walk(kind, path, schema, required, out):
    kind_of = schema.get("type")
    if kind_of is None:
        kind_of = "any" if schema.get("x-kubernetes-preserve-unknown-fields") else "none"
    if "format" in schema:
        kind_of += "/" + schema["format"]
    if path:
        out.append("%s %s %s%s" % (kind, path, kind_of, " required" if required else ""))
    needed = set(schema.get("required", []))
    for name, sub in sorted((schema.get("properties") or {}).items()):
        if not path and name in ("apiVersion", "kind", "metadata"):
            continue  # the API server defines these for every kind
        walk(kind, path + "." + name, sub, name in needed, out)
    if isinstance(schema.get("items"), dict):
        walk(kind, path + "[]", schema["items"], False, out)
    if isinstance(schema.get("additionalProperties"), dict):
        walk(kind, path + "{}", schema["additionalProperties"], False, out)


lines = []
for name in sys.argv[1:]:
    with open(name) as f:
        for doc in yaml.safe_load_all(f):
            if not doc or doc.get("kind") != "CustomResourceDefinition":
                continue
            kind = doc["spec"]["names"]["kind"]
            for version in doc["spec"]["versions"]:
                walk(kind, "", version["schema"]["openAPIV3Schema"], False, lines)
print("# Schema facts of upstream KubeStellar's control.kubestellar.io CRDs (v0.30, commit 1c28a8a1e3ae),")
print("# made with hack/extract-schema-paths.py; one line per field: <Kind> <path> <type>[ required].")
print("# apiVersion, kind and metadata are left out (the API server defines them for every kind).")
print("# No descriptions. SchemaCompatibilityTest checks that our generated CRDs have every line.")
for line in sorted(set(lines)):
    print(line)
