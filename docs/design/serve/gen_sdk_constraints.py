#!/usr/bin/env python3
"""List what the official Python SDK (voucherify 6.1.1) enforces when it parses the responses of the
first-wave operations: required (non-null) fields, enum validators, numeric bounds.

A response that breaks one of these makes the SDK raise pydantic.ValidationError (not ApiException).

Run with the SDK's interpreter:  /tmp/vsdk/bin/python gen_sdk_constraints.py > sdk-response-constraints.tsv
Needs operations-all.tsv (extract_operations.py) next to this file.
"""
import inspect
import os
import re
import typing
from enum import Enum

import voucherify.models as M
from pydantic import BaseModel

HERE = os.path.dirname(os.path.abspath(__file__))
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(HERE, "operations-all.tsv"))][1:]
first = sorted([r for r in rows if r[12]], key=lambda r: int(r[12]))


def inner(t):
    out = []
    if typing.get_origin(t) is None:
        if isinstance(t, type) and (issubclass(t, BaseModel) or issubclass(t, Enum)):
            out.append(t)
        return out
    for a in typing.get_args(t):
        out += inner(a)
    return out


_cache = {}


def enums_of(k):
    if k not in _cache:
        src, res = inspect.getsource(k), {}
        for m in re.finditer(r"@field_validator\('(\w+)'\)(.*?)raise ValueError", src, re.S):
            s = re.search(r"set\(\[(.*?)\]\)", m.group(2))
            if s:
                res[m.group(1)] = ("each item " if "for i in value" in m.group(2) else "") + s.group(1).replace("'", "")
        _cache[k] = res
    return _cache[k]


def walk(k, path, seen, out):
    if k in seen:
        return
    seen = seen | {k}
    ev = enums_of(k)
    for name, f in k.model_fields.items():
        alias = f.alias or name
        p = f"{path}.{alias}" if path else alias
        if f.is_required():
            out.append((p, "required (non-null)"))
        vals = ev.get(name) or ev.get(alias)
        if vals:
            out.append((p, "enum " + (vals if len(vals) <= 300 else f"({vals.count(',') + 1} values)")))
        for md in f.metadata or []:
            s = repr(md)
            if any(x in s for x in ("Ge(", "Le(", "Gt(", "Lt(")):
                out.append((p, "bound " + s))
        for sub in inner(f.annotation):
            if issubclass(sub, Enum):
                out.append((p, "enum " + ", ".join(str(x.value) for x in sub)))
            else:
                walk(sub, p, seen, out)


print("wave\toperationId\tmethod path\tresponse_model\tfield\tconstraint")
for r in first:
    resp = r[8].replace("array<", "").replace(">", "")
    if resp == "-":
        continue
    out, done = [], set()
    walk(getattr(M, resp), "", frozenset(), out)
    for p, c in out:
        if (p, c) not in done:
            done.add((p, c))
            print(f"{r[12]}\t{r[4]}\t{r[2]} {r[3]}\t{resp}\t{p}\t{c}")
