#!/usr/bin/env python3
"""Usage: scripts/compose-check.py COMPOSE_FILE DOCKERFILE [--app-env NAME | --serve-args TO_URL]   (needs PyYAML)

With no Docker engine in CI, checks examples/docker-compose.yml against the Dockerfile instead of running it: the
sendout service builds the repository's Dockerfile and serves on 0.0.0.0 at the port it EXPOSEs (published as is),
with a HEALTHCHECK to wait on; its --to is the app service at the port the app listens on; the app's
VOUCHERIFY_API_URL, keys and webhook secret are the ones sendout serve is given. Prints one line per check.
For scripts/release-check.sh, which runs the two services without Docker: --app-env NAME prints the app's
environment variable NAME; --serve-args TO_URL prints the sendout service's command, one argument a line, with
--port 0 and --to TO_URL.
"""
import os
import re
import sys

import yaml


def option(args, name):
    return args[args.index(name) + 1] if name in args else None


def main(compose_path, dockerfile_path):
    compose = yaml.safe_load(open(compose_path))
    dockerfile = open(dockerfile_path).read()
    sendout, app = compose["services"]["sendout"], compose["services"]["app"]
    args = [str(a) for a in sendout["command"]]
    env = app.get("environment", {})
    exposed = re.search(r"^EXPOSE (\d+)$", dockerfile, re.M).group(1)
    context = os.path.normpath(os.path.join(os.path.dirname(compose_path), sendout["build"]))
    app_listen = next((a for a in map(str, app["command"]) if re.fullmatch(r"0\.0\.0\.0:\d+", a)), "")
    checks = [
        (os.path.samefile(os.path.join(context, "Dockerfile"), dockerfile_path), f"sendout builds {dockerfile_path}"),
        (args[0] == "serve" and option(args, "--host") == "0.0.0.0", "sendout serves on 0.0.0.0"),
        (option(args, "--port") == exposed and f"{exposed}:{exposed}" in sendout.get("ports", []),
         f"on the Dockerfile's EXPOSE port {exposed}, published"),
        ("HEALTHCHECK" in dockerfile and app["depends_on"]["sendout"]["condition"] == "service_healthy",
         "the app waits for the HEALTHCHECK"),
        (option(args, "--to") == f"http://app:{app_listen.split(':')[-1]}/webhooks",
         f"webhooks go to the app's port {app_listen}"),
        (env.get("VOUCHERIFY_API_URL") == f"http://sendout:{exposed}", "the app's VOUCHERIFY_API_URL is sendout"),
        (env.get("VOUCHERIFY_APP_ID") == option(args, "--app-id")
         and env.get("VOUCHERIFY_SECRET_KEY") == option(args, "--app-token"), "the app has serve's keys"),
        (env.get("VOUCHERIFY_WEBHOOK_SECRET") == option(args, "--secret"), "the app has serve's webhook secret"),
    ]
    for passed, what in checks:
        print(("ok   " if passed else "FAIL ") + f"{compose_path}: {what}")
    return 0 if all(p for p, _ in checks) else 1


def print_for_local_run(compose_path, what, value):
    services = yaml.safe_load(open(compose_path))["services"]
    if what == "--app-env":
        print(services["app"]["environment"][value])
        return 0
    args = [str(a) for a in services["sendout"]["command"]]
    args[args.index("--port") + 1] = "0"
    args[args.index("--to") + 1] = value
    print("\n".join(args))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[3] in ("--app-env", "--serve-args"):
        sys.exit(print_for_local_run(sys.argv[1], sys.argv[3], sys.argv[4]))
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
