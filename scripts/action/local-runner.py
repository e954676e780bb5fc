#!/usr/bin/env python3
"""Usage: local-runner.py ACTION_YML WORKDIR NAME=VALUE...

Runs a composite action's steps the way a GitHub runner does, for scripts/action-test.sh: inputs from NAME=VALUE
and the inputs' defaults, `${{ inputs.X }}` and `${{ github.action_repository }}` substituted in env and run,
`if: inputs.X != ''` / `== ''` evaluated, each run under `bash --noprofile --norc -eo pipefail` with
GITHUB_ACTION_PATH (the action's folder), RUNNER_TEMP, GITHUB_PATH (whose lines later steps get on their PATH) and
GITHUB_OUTPUT (step outputs), in WORKDIR, their output on standard error. Any other expression is an error, so the test cannot pass by skipping one.
Prints the action's outputs as JSON; exits with the first failing step's status. Needs PyYAML.
"""
import json
import os
import re
import subprocess
import sys

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def main(action_yml, workdir, pairs):
    action = yaml.safe_load(open(action_yml))
    declared = action.get("inputs", {})
    inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in declared:
            sys.exit(f"local-runner: '{name}' is not an input of {action_yml}; inputs: {', '.join(declared)}")
        inputs[name] = value
    missing = [n for n, spec in declared.items() if spec.get("required") and not inputs[n]]
    if missing:
        sys.exit(f"local-runner: required input(s) missing: {', '.join(missing)}")
    context = {f"inputs.{n}": v for n, v in inputs.items()}
    context["github.action_repository"] = ""  # what GitHub gives composite actions (actions/runner#2525)
    steps_outputs = {}

    def expand(text):
        def value(match):
            key = match.group(1)
            if key.startswith("steps.") and key.count(".") == 3:
                _, sid, _, out = key.split(".")
                return steps_outputs.get(sid, {}).get(out, "")
            if key not in context:
                sys.exit(f"local-runner: unsupported expression '${{{{ {key} }}}}'")
            return context[key]
        return EXPR.sub(value, str(text))

    def condition(text):
        m = re.fullmatch(r"(inputs\.[\w-]+)\s*(==|!=)\s*''", text.strip())
        if not m or m.group(1) not in context:
            sys.exit(f"local-runner: unsupported if: '{text}'")
        empty = context[m.group(1)] == ""
        return empty if m.group(2) == "==" else not empty

    temp = os.path.join(workdir, "runner-temp")
    os.makedirs(temp, exist_ok=True)
    path_file = os.path.join(workdir, "github-path")
    open(path_file, "a").close()
    for index, step in enumerate(action["runs"]["steps"]):
        name = step.get("name", f"step {index + 1}")
        if "if" in step and not condition(step["if"]):
            print(f"local-runner: skipped '{name}'", file=sys.stderr)
            continue
        if step.get("shell") != "bash" or "run" not in step:
            sys.exit(f"local-runner: '{name}' is not a bash run step")
        output_file = os.path.join(workdir, f"github-output-{index}")
        open(output_file, "w").close()
        added = [line.strip() for line in open(path_file) if line.strip()]
        env = dict(os.environ, GITHUB_ACTION_PATH=os.path.dirname(os.path.abspath(action_yml)), RUNNER_TEMP=temp,
                   GITHUB_PATH=path_file, GITHUB_OUTPUT=output_file,
                   PATH=os.pathsep.join(list(reversed(added)) + [os.environ["PATH"]]))
        env.update({k: expand(v) for k, v in step.get("env", {}).items()})
        print(f"local-runner: running '{name}'", file=sys.stderr)
        status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step["run"])],
                                cwd=workdir, env=env, stdout=sys.stderr).returncode
        if status != 0:
            print(f"local-runner: '{name}' failed with exit status {status}", file=sys.stderr)
            return status
        if "id" in step:
            steps_outputs[step["id"]] = dict(
                line.rstrip("\n").split("=", 1) for line in open(output_file) if "=" in line)
    print(json.dumps({n: expand(spec["value"]) for n, spec in action.get("outputs", {}).items()}))
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
