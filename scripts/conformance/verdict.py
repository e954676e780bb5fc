#!/usr/bin/env python3
"""Usage: verdict.py EVENTS.ndjson ALLOWLIST SPEC [SCHEMATHESIS_OUTPUT]    (with schemathesis's python)

Reads the events of a schemathesis run (--report ndjson) against `sendout serve` and fails (exit 1) on any 5xx
other than 501, any error (a request that timed out or could not be sent), and any answer that breaks its
operation's response schema unless the allowlist names that schema for that operation, or the answer validates once
every schema the allowlist names for it accepts anything (a defect deep inside a list or a oneOf is reported at the
outermost anyOf; `Relaxer`, with schemathesis's own OpenAPI-to-JSON-Schema conversion). An operation whose request
body schemathesis cannot generate from the spec (`Unsatisfiable`, or its example generation erring) is reported,
not failed: no request was made; so is a `FlakyFailure` raised while Hypothesis made an example from the spec (its
traceback in schemathesis's output goes through `get_strategies_from_examples`). Any other `FlakyFailure` (a case
failed, then passed when schemathesis replayed it: the state had changed in between) is tolerated when the
operation's recorded checks show the failure was a tolerated one (a 501 or an allowlisted schema); otherwise it is an
error, and the operation's block of schemathesis's own output (SCHEMATHESIS_OUTPUT), which names the failure
replayed, is printed with it.
Prints the run's figures and each failure once (operation, check, status, the schema, the message's first line)."""
import base64
import collections
import copy
import json
import re
import sys


def allowlist(path):
    """The allowlist's entries: (schema pointer, operation label or '*'), one a line, '#' starts a comment."""
    entries = []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            pointer, _, operation = line.partition(" ")
            entries.append((pointer, operation.strip() or "*"))
    return entries


def allowed(entries, operation, pointer):
    return any((pointer == p or pointer.startswith(p + "/")) and o in ("*", operation) for p, o in entries)


class Relaxer:
    """Validates answers against an operation's response schema with the allowlisted schemas accepting anything."""

    def __init__(self, spec_path, entries):
        self.spec, self.entries, self.validators = json.load(open(spec_path, encoding="utf-8")), entries, {}

    def valid(self, operation, status, content):
        if not isinstance(content, dict) or "$base64" not in content or "content_size" in content:
            return False  # no body, or a truncated one: nothing to re-check
        key = (operation, status)
        if key not in self.validators:
            self.validators[key] = self.validator(operation, status)
        validator = self.validators[key]
        try:
            answer = json.loads(base64.b64decode(content["$base64"]))
        except ValueError:
            return False  # not JSON: the check's own message stands
        return validator is not None and validator.is_valid(answer)

    def validator(self, operation, status):
        import jsonschema_rs
        from schemathesis.specs.openapi.converter import to_json_schema

        method, _, path = operation.partition(" ")
        try:
            response = self.spec["paths"][path][method.lower()]["responses"][str(status)]
            schema = response["content"]["application/json"]["schema"]
        except KeyError:
            return None
        document = {"components": {"schemas": copy.deepcopy(self.spec["components"]["schemas"])}}
        for pointer, allowed_operation in self.entries:
            if allowed_operation not in ("*", operation):
                continue
            parts = pointer.strip("/").split("/")
            node = document
            for part in parts[:-1]:
                node = node.get(part) if isinstance(node, dict) else node[int(part)] if part.isdigit() else None
                if node is None:
                    break
            if node is not None:
                node[int(parts[-1]) if isinstance(node, list) else parts[-1]] = {}
        convert = lambda node: to_json_schema(node, "nullable", is_response_schema=True)
        schemas = {name: convert(node) for name, node in document["components"]["schemas"].items()}
        return jsonschema_rs.Draft4Validator({**convert(schema), "components": {"schemas": schemas}})


def block(text, label, limit=40):
    """The lines of schemathesis's output under the `____ label ____` header, up to the next header (at most
    `limit`, or all with `None`)."""
    lines, found = [], False
    for line in text.splitlines():
        header = line.startswith("____") or line.startswith("====")
        if found and header:
            break
        if found:
            lines.append(line)
        elif header and line.strip("_ ") == label:
            found = True
    return lines if limit is None else lines[:limit]


def main():
    events, entries = sys.argv[1], allowlist(sys.argv[2])
    relaxer = Relaxer(sys.argv[3], entries)
    output = open(sys.argv[4], encoding="utf-8", errors="replace").read() if len(sys.argv) > 4 else ""
    requests, statuses, problems, tolerated, errors = 0, collections.Counter(), {}, collections.Counter(), []
    ungenerated, flaky, excused = [], [], set()
    for line in open(events, encoding="utf-8"):
        event = json.loads(line)
        for kind in ("NonFatalError", "FatalError"):
            if kind in event:
                info = event[kind]
                value = info.get("value") or {}
                # schemathesis failing to make a request from the spec (no request was sent) is not the mock's
                if value.get("type") == "Unsatisfiable" or "get_strategies_from_examples" in json.dumps(value):
                    ungenerated.append(info.get("label", ""))
                elif value.get("type") == "FlakyFailure":
                    flaky.append((kind, info.get("label", ""), value))
                else:
                    errors.append(f"{kind}: {info.get('label', '')} {str(value or info)[:300]}")
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished["recorder"]
        operation = recorder["label"]
        interactions = recorder.get("interactions", {})
        requests += len(interactions)
        for interaction in interactions.values():
            statuses[(interaction.get("response") or {}).get("status_code")] += 1
        for case, checks in recorder.get("checks", {}).items():
            for check in checks:
                if check.get("status") != "failure":
                    continue
                failure = (check.get("failure_info") or {}).get("failure", {})
                status = ((interactions.get(case) or {}).get("response") or {}).get("status_code")
                message = failure.get("message", "")
                if check["name"] == "not_a_server_error" and status == 501:
                    excused.add(operation)
                    continue  # an operation (or a variant of it) the mock does not simulate: documented
                pointer = (re.search(r"Schema at (\S+?):?\n", message) or [None, ""])[1]
                response = (interactions.get(case) or {}).get("response") or {}
                if check["name"] == "response_schema_conformance" and (
                    allowed(entries, operation, pointer) or relaxer.valid(operation, status, response.get("content"))
                ):
                    tolerated[(operation, pointer)] += 1
                    excused.add(operation)
                    continue
                key = (operation, check["name"], status, pointer)
                problems.setdefault(key, message.splitlines()[0][:200] if message else failure.get("title", ""))
    for kind, label, value in flaky:
        lines = block(output, label, limit=None)
        if any("get_strategies_from_examples" in line for line in lines):
            ungenerated.append(label)  # Hypothesis was flaky making an example from the spec: no request was sent
        elif label in excused:
            print(f"conformance: {label}: a tolerated failure (501 or allowlisted) passed when replayed: not a failure")
        else:
            errors.append(f"{kind}: {label} {value}" + "".join("\n  " + line for line in lines[:40]))
    print(f"conformance: {requests} requests; statuses " + ", ".join(
        f"{s}: {n}" for s, n in sorted(statuses.items(), key=lambda x: str(x[0]))))
    print(f"conformance: {sum(tolerated.values())} schema violations allowlisted as spec defects "
          f"({len(tolerated)} operation/schema pairs), {len(problems)} failures, {len(errors)} errors")
    if ungenerated:
        print("conformance: schemathesis could not generate (some) requests from the spec for " + ", ".join(ungenerated))
    for (operation, check, status, pointer), message in sorted(problems.items(), key=str):
        print(f"FAIL {operation}: {check} (status {status}) {pointer} {message}")
    for error in errors:
        print("ERROR " + error)
    if requests == 0:
        print("FAIL no request was made")
        return 1
    return 1 if problems or errors else 0


if __name__ == "__main__":
    sys.exit(main())
