"""The receiver's answer in the dashboard's "Show data", in a real browser (issue 21 item 4): a receiver answering
400 with a JSON reason that carries markup and a session cookie; the dialog shows the answer's headers (the cookie
redacted) and body as text, and nothing in it runs."""

import http.server
import os
import subprocess
import threading

from selenium.webdriver.common.by import By

from browser import BIN, Sendout, chrome, temp_dir, wait_for

work = temp_dir()
audit = os.path.join(work, "audit.jsonl")
XSS = "<img src=x onerror=\"window.__xss = 1\"><script>window.__xss = 2</script>"
ANSWER = ('{"error":"missing field customer","html":"%s"}' % XSS.replace('"', '\\"')).encode()


class Refusing(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", "0")))
        self.send_response(400)
        self.send_header("content-type", "application/json")
        self.send_header("set-cookie", "session=cookie-secret-42")
        self.send_header("content-length", str(len(ANSWER)))
        self.end_headers()
        self.wfile.write(ANSWER)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Refusing)
threading.Thread(target=server.serve_forever, daemon=True).start()
try:
    done = subprocess.run([BIN, "fire", "voucher.published", "--to", "http://127.0.0.1:%d/hook" % server.server_port,
                           "--retry-schedule", "none", "--audit", audit], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stdout + done.stderr
    assert 'HTTP 400: {"error":"missing field customer"' in done.stdout, done.stdout

    with Sendout(["dashboard", "--audit", audit, "--port", "0"], r"(http://127\.0\.0\.1:\d+/_sendout/)") as dash:
        driver = chrome()
        try:
            driver.get(dash.match)
            wait_for(lambda: len(driver.find_elements(By.CSS_SELECTOR, "#sendout-rows tr[data-id]")) == 1,
                     what="the row")
            driver.find_element(By.CSS_SELECTOR, "#sendout-rows tr[data-id]").click()
            wait_for(lambda: driver.find_element(By.ID, "answer").is_displayed(), what="the answer section")
            body = driver.find_element(By.ID, "answer-body").text
            assert '"error":"missing field customer"' in body and "<img src=x" in body, body
            assert driver.find_elements(By.CSS_SELECTOR, "#answer img, #answer script") == [], "markup was parsed"
            assert driver.execute_script("return window.__xss") is None, "the answer's script ran"
            headers = driver.find_element(By.ID, "answer-headers").text
            assert "set-cookie [redacted]" in headers and "content-type application/json" in headers, headers
            assert "cookie-secret-42" not in driver.page_source, "the cookie leaked into the page"
            hint = driver.find_element(By.ID, "answer-hint").text
            assert "HTTP 400" in hint and "%d B" % len(ANSWER) in hint, hint
        finally:
            driver.quit()
finally:
    server.shutdown()
print("ok: the receiver's answer shows as text with its cookie redacted")
