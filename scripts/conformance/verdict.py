#!/usr/bin/env python3
"""Usage: verdict.py EVENTS.ndjson ALLOWLIST

Reads the events of a schemathesis run (--report ndjson) against `sendout serve` and fails (exit 1) on any 5xx
other than 501, any error (a request that timed out or could not be sent), and any answer that breaks its
operation's response schema unless the allowlist names that schema for that operation. An operation whose request
body schemathesis cannot generate from the spec (`Unsatisfiable`, or its example generation erring) is reported,
not failed: no request was made.
Prints the run's figures and each failure once (operation, check, status, the schema, the message's first line)."""
import collections
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


def main():
    events, entries = sys.argv[1], allowlist(sys.argv[2])
    requests, statuses, problems, tolerated, errors = 0, collections.Counter(), {}, collections.Counter(), []
    ungenerated = []
    for line in open(events, encoding="utf-8"):
        event = json.loads(line)
        for kind in ("NonFatalError", "FatalError"):
            if kind in event:
                info = event[kind]
                value = info.get("value") or {}
                # schemathesis failing to make a request from the spec (no request was sent) is not the mock's
                if value.get("type") == "Unsatisfiable" or "get_strategies_from_examples" in json.dumps(value):
                    ungenerated.append(info.get("label", ""))
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
                    continue  # an operation (or a variant of it) the mock does not simulate: documented
                pointer = (re.search(r"Schema at (\S+?):?\n", message) or [None, ""])[1]
                if check["name"] == "response_schema_conformance" and allowed(entries, operation, pointer):
                    tolerated[(operation, pointer)] += 1
                    continue
                key = (operation, check["name"], status, pointer)
                problems.setdefault(key, message.splitlines()[0][:200] if message else failure.get("title", ""))
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
