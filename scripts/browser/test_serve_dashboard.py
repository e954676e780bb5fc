"""`sendout serve`'s dashboard: the world tabs (customers, vouchers, campaigns) and serve's sendouts, no keys needed.
Saves docs/screenshots/dashboard-world.png."""

import json
import os
import re
import urllib.request

from selenium.webdriver.common.by import By

from browser import Sendout, chrome, shot, temp_dir, wait_for

work = temp_dir()
audit = os.path.join(work, "serve-audit.jsonl")

with Sendout(["serve", "--port", "0", "--audit", audit, "--app-id", "app", "--app-token", "token"],
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
        print("serve dashboard: customers, vouchers, campaigns and sendouts shown")
    finally:
        driver.quit()
