"""`sendout serve`'s dashboard: the world tabs (customers, vouchers, campaigns) and serve's sendouts, read without
keys; Retry, which needs the app keys like every POST under /_sendout/, through the page's "API keys" form (a
wrong token is refused and asked again; the keys stay in sessionStorage, never in a URL).
Saves docs/screenshots/dashboard-world.png and docs/screenshots/dashboard-keys.png."""

import json
import os
import re
import urllib.request

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from browser import Sendout, chrome, shot, temp_dir, wait_for

work = temp_dir()
audit = os.path.join(work, "serve-audit.jsonl")


def row_status(driver):
    try:
        found = driver.find_elements(By.CSS_SELECTOR, "#sendout-rows tr[data-id] .badge")
        return found[0].text if found else None
    except StaleElementReferenceException:
        return None


def keys_dialog_open(driver):
    return driver.find_element(By.ID, "keys").get_attribute("open") is not None


def enter_keys(driver, app_id, token):
    form = driver.find_element(By.ID, "keys-form")
    form.find_element(By.NAME, "app_id").send_keys(app_id)
    form.find_element(By.NAME, "app_token").send_keys(token)
    driver.find_element(By.ID, "keys-save").click()


# The receiver fails the first webhook, so the customer.created sendout is FAILED and has a Retry button.
with Sendout(["listen", "--port", "0", "--fail-first", "1"], r"(http://127\.0\.0\.1:\d+)") as receiver, \
        Sendout(["serve", "--port", "0", "--audit", audit, "--app-id", "app", "--app-token", "token",
                 "--to", receiver.match + "/webhooks", "--retry-schedule", "none"],
                r"Dashboard: (http://127\.0\.0\.1:\d+/_sendout/)") as serve:
    base = serve.match.replace("/_sendout/", "")
    request = urllib.request.Request(
        base + "/v1/customers", method="POST",
        data=json.dumps({"source_id": "browser-1", "name": "Ada <b>Lovelace</b>", "email": "ada@example.com"}).encode(),
        headers={"X-App-Id": "app", "X-App-Token": "token", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200
    driver = chrome()
    try:
        driver.get(serve.match + "#customers")
        wait_for(lambda: "browser-1" in driver.find_element(By.ID, "world-rows").text, what="the new customer")
        first = driver.find_element(By.CSS_SELECTOR, "#world-rows tr td").text
        assert first.startswith("Ada <b>Lovelace</b>"), first
        assert driver.find_elements(By.CSS_SELECTOR, "#world-rows b") == [], "a name became markup"
        driver.find_element(By.ID, "tab-vouchers").click()
        wait_for(lambda: re.search(r"\d+ vouchers · page 1 of \d+",
                                   driver.find_element(By.ID, "world-page-info").text), what="vouchers")
        assert driver.find_element(By.ID, "tab-vouchers").get_attribute("aria-selected") == "true"
        shot(driver, "dashboard-world")
        driver.find_element(By.ID, "tab-campaigns").click()
        wait_for(lambda: "campaigns" in driver.find_element(By.ID, "world-page-info").text, what="campaigns")
        driver.find_element(By.ID, "tab-sendouts").click()
        wait_for(lambda: "customer.created" in driver.find_element(By.ID, "sendout-rows").text, what="serve's sendouts")
        wait_for(lambda: row_status(driver) == "FAILED", seconds=15, what="the failed sendout")

        # Retry without keys: the API answers 401 and the page asks for the keys.
        driver.find_element(By.CSS_SELECTOR, "#sendout-rows tr[data-id] button.retry").click()
        wait_for(lambda: keys_dialog_open(driver), what="the API keys form")
        assert driver.find_element(By.ID, "keys-error").text == ""
        enter_keys(driver, "app", "wrong")
        wait_for(lambda: keys_dialog_open(driver) and "refused" in driver.find_element(By.ID, "keys-error").text,
                 what="a wrong token refused and asked again")
        assert row_status(driver) == "FAILED", "nothing was resent with a wrong token"
        driver.find_element(By.NAME, "app_id").send_keys("app")
        shot(driver, "dashboard-keys")
        driver.find_element(By.NAME, "app_token").send_keys("token")
        driver.find_element(By.ID, "keys-save").click()
        wait_for(lambda: not keys_dialog_open(driver), what="the form closed")
        wait_for(lambda: row_status(driver) == "SUCCESS", seconds=15, what="the retried row SUCCESS")
        stored = driver.execute_script("return sessionStorage.getItem('sendout.appKeys')")
        assert json.loads(stored) == {"id": "app", "token": "token"}, stored
        assert "token" not in driver.current_url
        print("serve dashboard: customers, vouchers, campaigns and sendouts shown; Retry through the API keys form")
    finally:
        driver.quit()
