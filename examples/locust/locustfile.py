"""Replay `sendout load --export` files with Locust's FastHttpUser at a fixed rate.

Every line of a shard file is one pre-signed request in vegeta's JSON target format
({"method", "url", "header": {name: [values]}, "body": base64}); each is sent exactly once, byte for
byte, so every request a receiver sees is a distinct, correctly signed Voucherify webhook.

Environment:
  SENDOUT_TARGETS    the shard file; "{shard}" in it becomes this worker's number from 1
                     (worker_index + 1), so one pattern serves every worker, e.g. shards/shard-{shard}.jsonl
  SENDOUT_USER_RATE  requests per second per simulated user (default 10); the total rate is
                     users x SENDOUT_USER_RATE, spread over the workers by the Locust master

Run (one machine):  locust -f locustfile.py --headless --users 20 --spawn-rate 20 --run-time 30s
Several machines:   docs/distributed-load.md (a master with --master, workers with --worker).
"""

import base64
import json
import os
from urllib.parse import urlsplit

from locust import FastHttpUser, constant_throughput, events, task
from locust.exception import StopUser
from locust.runners import WorkerRunner

_targets = None  # this process's iterator over its shard file, shared by its users (gevent: one thread)


def _shard_path(environment):
    pattern = os.environ.get("SENDOUT_TARGETS", "targets.jsonl")
    index = environment.runner.worker_index if isinstance(environment.runner, WorkerRunner) else 0
    return pattern.replace("{shard}", str(index + 1))


def _read(path):
    with open(path, "rb") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


@events.test_start.add_listener
def _open_shard(environment, **_):
    global _targets
    path = _shard_path(environment)
    _targets = _read(path)
    print(f"sendout: replaying {path}")


class SendoutWebhooks(FastHttpUser):
    """Sends the next pre-signed request of the shard; stops once the shard is used up."""

    wait_time = constant_throughput(float(os.environ.get("SENDOUT_USER_RATE", "10")))
    host = "http://127.0.0.1"  # the targets carry absolute URLs; this only satisfies Locust

    @task
    def send(self):
        target = next(_targets, None) if _targets is not None else None
        if target is None:
            raise StopUser()
        headers = {name: ", ".join(values) for name, values in target.get("header", {}).items()}
        body = base64.b64decode(target.get("body", ""))
        path = urlsplit(target["url"]).path or "/"
        self.client.request(target["method"], target["url"], data=body, headers=headers, name=path)
