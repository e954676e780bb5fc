"""The Webhook sendouts dashboard in a real browser: rows from an audit log with a failed sendout, "Show data",
Retry turning the row SUCCESS without a reload, a `<script>` body shown as text, and a new sendout appearing live.
Saves docs/screenshots/dashboard-sendouts.png and dashboard-sendout-detail.png."""

import json
import os
import subprocess

from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import BIN, Sendout, chrome, shot, temp_dir, wait_for

work = temp_dir()
audit = os.path.join(work, "audit.jsonl")
XSS = "<script>window.__xss = 1; alert('xss')</script><img src=x onerror=\"window.__xss = 2\">"


def fire(*args, ok=True):
    resume = ["--resume"] if ok else []  # the failed sendout pauses its webhook, as on the platform
    done = subprocess.run([BIN, "fire", *args, "--audit", audit, "--retry-schedule", "none"] + resume,
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode == 0) == ok, "fire %s: exit %d\n%s%s" % (args, done.returncode, done.stdout, done.stderr)


def rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#sendout-rows tr[data-id]")


def row_status(driver, sendout_id):
    """The row's status badge; `None` while the row is missing or being redrawn by a live update."""
    try:
        found = driver.find_elements(By.CSS_SELECTOR, "#sendout-rows tr[data-id='%s'] .badge" % sendout_id)
        return found[0].text if found else None
    except StaleElementReferenceException:
        return None


def no_alert(driver):
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


with Sendout(["listen", "--port", "0", "--fail-first", "1", "--secret", "whsec_demo"],
             r"(http://127\.0\.0\.1:\d+)") as receiver:
    hook = receiver.match + "/webhooks"
    fire("voucher.published", "--to", hook, "--secret", "whsec_demo", ok=False)  # the receiver's first answer: 500
    for event in ("customer.created", "redemption.succeeded", "customer.order.paid", "voucher.updated"):
        fire(event, "--to", hook, "--secret", "whsec_demo")
    body = os.path.join(work, "xss.json")
    with open(body, "w") as f:
        json.dump({"type": "custom.note", "data": {"note": XSS}}, f)
    fire("--body", body, "--to", hook, "--secret", "whsec_demo")
    failed_id = None
    with open(audit) as f:
        for line in f:
            record = json.loads(line)
            if record["status"] == "FAILED":
                failed_id = record["sendout_id"]
    assert failed_id, "the audit log has a FAILED sendout"

    with Sendout(["dashboard", "--audit", audit, "--port", "0"], r"(http://127\.0\.0\.1:\d+/_sendout/)") as dash:
        driver = chrome()
        try:
            driver.get(dash.match)
            wait_for(lambda: len(rows(driver)) == 6, what="six rows")
            assert row_status(driver, failed_id) == "FAILED"
            types = [r.find_elements(By.TAG_NAME, "td")[1].text.split("\n")[0] for r in rows(driver)]
            assert types[0] == "custom.note" and types[-1] == "voucher.published", types
            driver.execute_script("window.__marker = 'no reload'")

            # The <script> body: shown as text, never run.
            custom = rows(driver)[0]
            custom.click()
            wait_for(lambda: driver.find_element(By.ID, "detail").get_attribute("open") is not None, what="dialog")
            wait_for(lambda: "<script>window.__xss = 1; alert('xss')</script><img src=x" in
                     driver.find_element(By.ID, "detail-body").text, what="the body as text")
            assert driver.execute_script("return window.__xss") is None, "the body's script ran"
            assert no_alert(driver), "an alert opened"
            assert driver.find_elements(By.CSS_SELECTOR, "#detail-body script, #detail-body img") == []
            ActionEsc = driver.find_element(By.ID, "detail-close")
            ActionEsc.send_keys(Keys.ESCAPE)
            wait_for(lambda: driver.find_element(By.ID, "detail").get_attribute("open") is None, what="Esc closes")

            # Keyboard: focus the failed row, Enter opens its data.
            failed_row = driver.find_element(By.CSS_SELECTOR, "#sendout-rows tr[data-id='%s']" % failed_id)
            driver.execute_script("arguments[0].focus()", failed_row)
            failed_row.send_keys(Keys.ENTER)
            wait_for(lambda: driver.find_element(By.ID, "detail").get_attribute("open") is not None, what="Enter")
            wait_for(lambda: "HTTP 500" in driver.find_element(By.ID, "detail-attempts").text, what="attempts")
            headers = driver.find_element(By.ID, "detail-headers").text
            assert "x-voucherify-signature" in headers, headers
            assert "whsec_demo" not in driver.page_source, "the secret leaked into the page"
            shot(driver, "dashboard-sendout-detail")
            driver.find_element(By.ID, "detail-close").click()
            wait_for(lambda: driver.find_element(By.ID, "detail").get_attribute("open") is None, what="close")

            shot(driver, "dashboard-sendouts")

            # Retry: the row turns SUCCESS without a reload.
            button = driver.find_element(By.CSS_SELECTOR, "#sendout-rows tr[data-id='%s'] button.retry" % failed_id)
            button.click()
            wait_for(lambda: row_status(driver, failed_id) == "SUCCESS", seconds=15, what="the retried row SUCCESS")
            assert driver.execute_script("return window.__marker") == "no reload"

            # A new sendout appears live.
            fire("customer.updated", "--to", hook, "--secret", "whsec_demo")
            wait_for(lambda: len(rows(driver)) == 7, seconds=15, what="the new row")
            assert driver.execute_script("return window.__marker") == "no reload"
            assert rows(driver)[0].find_elements(By.TAG_NAME, "td")[1].text.startswith("customer.updated")

            # Filters: FAILED shows nothing now; search finds the custom event.
            driver.find_element(By.CSS_SELECTOR, "select[name=status] option[value='']")
            driver.execute_script("const s = document.querySelector('select[name=status]'); s.value = 'FAILED';"
                                  "s.dispatchEvent(new Event('change', {bubbles: true}))")
            wait_for(lambda: "No sendouts match" in driver.find_element(By.ID, "sendout-rows").text, what="filter")
            assert no_alert(driver)
            print("sendouts: 7 rows, retry turned SUCCESS live, new row live, <script> body inert")
        finally:
            driver.quit()
