#!/usr/bin/env python3
"""Computes Python jsonschema (Draft 2020-12) verdicts for the official Voucherify examples.

Usage: scripts/schema-verdicts.py > Tests/Fixtures/jsonschema-verdicts.json
Needs: pip install jsonschema (measured with 4.x). Formats are not asserted (the 2020-12 default).

For every example it records whether it validates and the sorted instance paths of the top-level
errors (iter_errors: allOf/$ref errors are flattened, oneOf/anyOf failures are one error at the
oneOf's path), in two variants:
  - "raw":      the schemas verbatim (`nullable` ignored, as any 2020-12 validator does)
  - "nullable": every schema with `nullable: true` rewritten to anyOf [{type: null}, schema]
Envelopes are validated against their envelope schema with and without the
WebhookProjectSettingPayload event.type enum.
"""
import copy
import json
import os
import sys

import importlib.metadata

import jsonschema

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures")
schemas = json.load(open(os.path.join(ROOT, "voucherify-webhook-schemas.json")))
examples = json.load(open(os.path.join(ROOT, "voucherify-webhook-examples.json")))


def nullable_rewrite(node):
    if isinstance(node, list):
        return [nullable_rewrite(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k in ("properties", "$defs"):
            out[k] = {pk: nullable_rewrite(pv) for pk, pv in v.items()}
        elif k in ("enum", "const", "example", "examples", "default", "required"):
            out[k] = v
        else:
            out[k] = nullable_rewrite(v)
    if out.get("nullable") is True:
        rest = {k: v for k, v in out.items() if k != "nullable"}
        return {"anyOf": [{"type": "null"}, rest]}
    return out


def path_of(error):
    return ".".join(str(p) for p in error.absolute_path)


def verdict(doc, name, instance, drop_enums=()):
    doc = copy.deepcopy(doc)
    for dotted in drop_enums:
        schema_name, *props = dotted.split(".")
        node = doc["components"]["schemas"][schema_name]
        for p in props:
            node = node["properties"][p]
        node.pop("enum", None)
    root = dict(doc)
    root["$ref"] = "#/components/schemas/" + name
    validator = jsonschema.Draft202012Validator(root)
    errors = list(validator.iter_errors(instance))
    return {"valid": not errors, "error_paths": sorted(path_of(e) for e in errors)}


def main():
    variants = {"raw": schemas, "nullable": nullable_rewrite(schemas)}
    out = {
        "generator": "scripts/schema-verdicts.py",
        "jsonschema_version": importlib.metadata.version("jsonschema"),
        "draft": "2020-12",
        "envelopes": {},
        "events": {},
    }
    envelope_schema = {
        "project_settings_voucher_published": "WebhookProjectSettingPayload",
        "distribution_payload_designer_sample_output": "WebhookDistributionPayload",
        "distribution_payload_designer_raw_payload": "WebhookDistributionPayload",
        "distribution_customer_redemption_succeeded": "WebhookDistributionPayload",
    }
    for key, entry in examples["envelopes"].items():
        name = envelope_schema[key]
        out["envelopes"][key] = {
            "schema": name,
            "raw": verdict(schemas, name, entry["payload"]),
            "raw_without_event_type_enum": verdict(
                schemas, name, entry["payload"], drop_enums=["WebhookProjectSettingPayload.event.type"]
            ),
        }
    index = schemas["x-voucherify-webhooks"]
    for key, event in examples["events"].items():
        name = index[key]["data_schema"].rsplit("/", 1)[1]
        results = {}
        for example_name, example in event["examples"].items():
            results[example_name] = {v: verdict(doc, name, example) for v, doc in variants.items()}
        out["events"][key] = {"schema": name, "examples": results}
    json.dump(out, sys.stdout, indent=2, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
