"""pytest fixtures for testing an application against `sendout serve`, the mock Voucherify API.

`receiver` is a webhook endpoint in the test process (in your suite: your application's). `sendout` starts
`sendout serve --port 0 --json` (SENDOUT_BIN, else `sendout` on the PATH) sending its webhooks to the receiver,
and reads the port and the generated keys from the one JSON line serve prints first.
"""
import hashlib
import hmac
import http.server
import json
import os
import subprocess
import threading
import time

import pytest

SECRET = "recipe-webhook-secret"  # what your application is configured with


class Receiver:
    """Webhooks received, each with its signature checked as your application would."""

    def __init__(self):
        self.webhooks = []
        self.lock = threading.Lock()

    def record(self, body: bytes, signature: str):
        expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        with self.lock:
            self.webhooks.append({"verified": hmac.compare_digest(expected, signature), "body": json.loads(body)})

    def wait_for(self, predicate, timeout=10.0):
        """The first webhook whose body matches predicate, waiting at most timeout seconds for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                found = [w for w in self.webhooks if predicate(w["body"])]
            if found:
                return found[0]
            time.sleep(0.05)
        raise AssertionError(f"no such webhook within {timeout}s; got {[w['body'].get('type') for w in self.webhooks]}")


@pytest.fixture
def receiver():
    received = Receiver()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            received.record(body, self.headers.get("x-voucherify-signature", ""))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    received.url = f"http://127.0.0.1:{server.server_port}/webhooks"
    yield received
    server.shutdown()


@pytest.fixture
def sendout(receiver, tmp_path):
    """The mock API: {"url", "app_id", "app_token", ...} from `serve --json`, plus "audit", the audit log's path."""
    binary = os.environ.get("SENDOUT_BIN", "sendout")
    process = subprocess.Popen(
        [binary, "serve", "--port", "0", "--json", "--to", receiver.url, "--secret", SECRET,
         "--audit", str(tmp_path / "audit.jsonl")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    info = json.loads(process.stdout.readline())  # the first line: where it listens and the generated keys
    threading.Thread(target=process.stdout.read, daemon=True).start()  # keep its output flowing
    yield info
    process.terminate()
    process.wait(timeout=10)
