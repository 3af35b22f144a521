#!/usr/bin/env python3
"""Validates data against the JSON Schema `drukwerk schema --data` prints, as an editor would.

usage: json_schema_check.py SCHEMA DATA front|yaml|block:NAME
  front       the YAML front matter of a Markdown file
  yaml        a whole YAML file
  block:NAME  each ```NAME fenced block of a Markdown file, against $defs/NAME
Scalars are read as strings (yaml.BaseLoader), as drukwerk reads them. Prints "valid" and exits
0, or prints the first violation and exits 1. Uses Debian's python3-jsonschema and python3-yaml.
"""
import json
import re
import sys

import jsonschema
import yaml


def documents(text, mode):
    if mode == "yaml":
        return [yaml.load(text, Loader=yaml.BaseLoader)]
    if mode == "front":
        m = re.match(r"---\n(.*?)\n---\n", text, re.S)
        return [yaml.load(m.group(1), Loader=yaml.BaseLoader) if m else None]
    name = mode.split(":", 1)[1]
    blocks = re.findall(r"^```" + re.escape(name) + r"\n(.*?)^```", text, re.S | re.M)
    return [yaml.load(b, Loader=yaml.BaseLoader) for b in blocks]


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    mode = sys.argv[3]
    if mode.startswith("block:"):
        schema = dict(schema["$defs"][mode.split(":", 1)[1]], **{"$schema": schema["$schema"]})
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for doc in documents(open(sys.argv[2], encoding="utf-8").read(), mode):
        for error in validator.iter_errors(doc):
            print("invalid:", error.message)
            return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
