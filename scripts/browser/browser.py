"""Shared pieces of the browser tests (run by scripts/browser-test.sh, which sets SENDOUT_BIN and SENDOUT_SHOTS).

- `chrome()`: a headless Chromium through chromedriver, 1280x900, light scheme unless `dark=True`.
- `Sendout(args, ready)`: starts `sendout ARGS...`, waits for a line of its output matching the regex `ready`
  (its first group is kept as `.match`), and ends the process on exit.
- `shot(driver, name)`: saves docs/screenshots/NAME.png.
- `wait_for(predicate, seconds)`: polls `predicate()` until it is truthy (the tests' only waiting: bounded).
"""

import os
import re
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

BIN = os.environ.get("SENDOUT_BIN", ".build/debug/sendout")
SHOTS = os.environ.get("SENDOUT_SHOTS", "docs/screenshots")


def chrome(dark=False):
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,900", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, name + ".png")
    driver.save_screenshot(path)
    print("screenshot:", path)
    return path


def wait_for(predicate, seconds=10.0, what="condition"):
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out after %.0f s waiting for %s" % (seconds, what))
        time.sleep(0.05)


class Sendout:
    """`with Sendout(["dashboard", "--audit", path, "--port", "0"], r"(http://127\\.0\\.0\\.1:\\d+)") as s:`"""

    def __init__(self, args, ready, seconds=30.0):
        self.args, self.ready, self.seconds = args, re.compile(ready), seconds
        self.lines, self.match, self.process = [], None, None

    def __enter__(self):
        self.process = subprocess.Popen([BIN] + self.args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, text=True)
        found = threading.Event()

        def read():
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                m = self.ready.search(line)
                if m and self.match is None:
                    self.match = m.group(1) if m.groups() else m.group(0)
                    found.set()
            found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(self.seconds) or self.match is None:
            self.process.kill()
            raise AssertionError("sendout %s did not print %r:\n%s" % (" ".join(self.args), self.ready.pattern,
                                                                       "\n".join(self.lines)))
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        if exc[0] is not None:
            sys.stderr.write("sendout output:\n" + "\n".join(self.lines) + "\n")
        return False


def temp_dir():
    return tempfile.mkdtemp(prefix="sendout-browser-")
