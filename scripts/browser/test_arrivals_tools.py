"""`sendout listen --ui`'s tools: search and filter the arrivals (event type, signature verdict, text), copy one as
cURL, and "Forward to URL": the listener re-sends the exact request to another receiver and shows its answer.
Saves docs/screenshots/arrivals-forward.png."""

import os
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import BIN, Sendout, chrome, shot, temp_dir, wait_for

work = temp_dir()


def visible_rows(driver):
    return [r for r in driver.find_elements(By.CSS_SELECTOR, "#rows tr") if r.is_displayed()]


def fire(base, event, secret):
    subprocess.run([BIN, "fire", event, "--to", base + "/webhooks", "--secret", secret, "--audit",
                    os.path.join(work, "audit.jsonl")], cwd=work, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=60)


with Sendout(["listen", "--port", "0", "--ui", "--secret", "S"], r"Listening on (http://127\.0\.0\.1:\d+)") as listen, \
        Sendout(["listen", "--port", "0", "--fail-status", "418", "--fail-first", "1"],
                r"Listening on (http://127\.0\.0\.1:\d+)") as app:
    base = listen.match
    fire(base, "voucher.published", "S")
    fire(base, "customer.created", "S")
    fire(base, "voucher.published", "wrong")
    driver = chrome()
    try:
        driver.get(base + "/_sendout/")
        wait_for(lambda: len(visible_rows(driver)) == 3, what="three arrivals")

        search = driver.find_element(By.NAME, "q")
        search.send_keys("customer.created")
        wait_for(lambda: len(visible_rows(driver)) == 1, what="the search to leave one row")
        assert "customer.created" in visible_rows(driver)[0].text
        assert driver.find_element(By.ID, "match-info").text == "1 of 3 match"
        search.clear()
        search.send_keys(" ")  # an input event with an empty query
        wait_for(lambda: len(visible_rows(driver)) == 3, what="every row back")

        Select(driver.find_element(By.NAME, "event_type")).select_by_visible_text("voucher.published")
        wait_for(lambda: len(visible_rows(driver)) == 2, what="the event type filter")
        Select(driver.find_element(By.NAME, "signature")).select_by_visible_text("invalid")
        wait_for(lambda: len(visible_rows(driver)) == 1, what="the signature filter")
        Select(driver.find_element(By.NAME, "signature")).select_by_visible_text("valid")
        wait_for(lambda: len(visible_rows(driver)) == 1, what="the valid one")

        visible_rows(driver)[0].click()
        wait_for(lambda: driver.find_element(By.ID, "detail-body").is_displayed(), what="the request's data")
        driver.find_element(By.ID, "copy-curl").click()
        curl = wait_for(lambda: driver.find_element(By.ID, "curl-text").text, what="the cURL command")
        assert curl.startswith("curl -X POST '" + base + "/webhooks'"), curl
        assert "x-voucherify-signature: " in curl and "--data-binary" in curl, curl

        # Forward twice: the app answers 418 the first time (its answer shown), then 200.
        url = driver.find_element(By.ID, "forward-url")
        url.send_keys(app.match + "/app")
        driver.find_element(By.ID, "forward-send").click()
        wait_for(lambda: "HTTP 418" in driver.find_element(By.ID, "forward-summary").text, what="the app's 418")
        shot(driver, "arrivals-forward")
        driver.find_element(By.ID, "forward-send").click()
        wait_for(lambda: "HTTP 200" in driver.find_element(By.ID, "forward-summary").text, what="the app's 200")
        assert any("voucher.published" in line and "→ 200" in line for line in app.lines), app.lines
        print("arrivals tools: search, filters, copy as cURL and forward to URL")
    finally:
        driver.quit()
