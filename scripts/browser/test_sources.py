"""`sendout dashboard`: the Sources panel shows a webhook target disabled after a sendout failed every attempt, and
Resume sends that sendout again (as `fire --resume` does) until the source is live; Show data copies a sendout as
cURL. Saves docs/screenshots/dashboard-sources.png."""

import os
import subprocess

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from browser import BIN, Sendout, chrome, shot, temp_dir, wait_for

work = temp_dir()
audit = os.path.join(work, "audit.jsonl")


def fresh(action):
    """`action()`, again if the live update replaced the element meanwhile (the panel is redrawn as the log grows)."""
    return wait_for(lambda: attempt(action), what="a stable element")


def attempt(action):
    try:
        return action() or True
    except StaleElementReferenceException:
        return None


def source_state(driver):
    try:
        badges = driver.find_elements(By.CSS_SELECTOR, "#source-rows tr .badge")
        return badges[0].text if badges else None
    except StaleElementReferenceException:
        return None


# The receiver fails its first request, so the fire's only attempt FAILS and disables the webhook at that URL.
with Sendout(["listen", "--port", "0", "--fail-first", "1"], r"(http://127\.0\.0\.1:\d+)") as receiver:
    target = receiver.match + "/webhooks"
    subprocess.run([BIN, "fire", "voucher.published", "--to", target, "--retry-schedule", "none", "--secret", "s",
                    "--audit", audit], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    with Sendout(["dashboard", "--port", "0", "--audit", audit], r"(http://127\.0\.0\.1:\d+/_sendout/)") as dashboard:
        driver = chrome()
        try:
            driver.get(dashboard.match)
            wait_for(lambda: source_state(driver) == "DISABLED", what="the disabled source")
            text = fresh(lambda: driver.find_element(By.CSS_SELECTOR, "#source-rows tr").text)
            assert target in text, text
            paused_by = fresh(lambda: driver.find_element(By.CSS_SELECTOR, "#source-rows tr td a").text)
            assert paused_by.startswith("whs_"), paused_by
            shot(driver, "dashboard-sources")

            # Copy as cURL from the sendout's data: the exact body and the recorded headers, shell-quoted.
            fresh(lambda: driver.find_element(By.CSS_SELECTOR, "#source-rows tr td a").click())
            wait_for(lambda: driver.find_element(By.ID, "detail").get_attribute("open") is not None, what="Show data")
            driver.find_element(By.ID, "detail-curl").click()
            curl = wait_for(lambda: driver.find_element(By.ID, "detail-curl-text").text, what="the cURL command")
            assert curl.startswith("curl -X POST '" + target + "'"), curl
            assert "-H 'x-voucherify-signature: " in curl and "--data-binary '{" in curl, curl
            driver.find_element(By.ID, "detail-close").click()

            fresh(lambda: driver.find_element(By.CSS_SELECTOR, "#source-rows button.resume").click())
            wait_for(lambda: source_state(driver) == "LIVE", seconds=15, what="the source live after Resume")
            assert driver.find_elements(By.CSS_SELECTOR, "#source-rows button.resume") == []
            wait_for(lambda: "SUCCESS" in driver.find_element(By.ID, "sendout-rows").text, what="the resent sendout")
            print("dashboard sources: disabled shown, Copy as cURL, Resume set the source live")
        finally:
            driver.quit()
