"""`sendout serve`'s page: the API calls tab lists each call with the webhooks it caused, a call links to its sendout
and the sendout's data links back to its call; the clock advances from the page (with the app keys, asked once).
Saves docs/screenshots/serve-calls.png."""

import json
import os
import urllib.request

from selenium.webdriver.common.by import By

from browser import Sendout, chrome, shot, temp_dir, wait_for

work = temp_dir()
audit = os.path.join(work, "serve-audit.jsonl")


def call_api(base, path, body):
    request = urllib.request.Request(base + path, method="POST", data=json.dumps(body).encode(),
                                     headers={"X-App-Id": "app", "X-App-Token": "token",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status


with Sendout(["listen", "--port", "0"], r"(http://127\.0\.0\.1:\d+)") as receiver, \
        Sendout(["serve", "--port", "0", "--audit", audit, "--app-id", "app", "--app-token", "token",
                 "--at", "2026-01-01T00:00:00Z", "--to", receiver.match + "/webhooks"],
                r"Dashboard: (http://127\.0\.0\.1:\d+/_sendout/)") as serve:
    base = serve.match.replace("/_sendout/", "")
    assert call_api(base, "/v1/customers", {"source_id": "calls-1", "name": "Ada <b>L</b>"}) == 200
    driver = chrome()
    try:
        driver.get(serve.match + "#calls")
        wait_for(lambda: "/v1/customers" in driver.find_element(By.ID, "call-rows").text, what="the API call")
        row = driver.find_element(By.CSS_SELECTOR, "#call-rows tr")
        assert "POST" in row.text and "200" in row.text, row.text
        assert "The last 500 API calls" in driver.find_element(By.ID, "calls-info").text
        link = row.find_element(By.CSS_SELECTOR, "td.caused a")
        sendout = link.text
        assert sendout.startswith("whs_"), sendout
        shot(driver, "serve-calls")

        # Call → sendout: the link opens the sendout's data; sendout → call: its link goes back to the row.
        link.click()
        wait_for(lambda: driver.find_element(By.ID, "detail").get_attribute("open") is not None, what="Show data")
        wait_for(lambda: sendout in driver.find_element(By.ID, "detail-title").text, what="the linked sendout")
        back = wait_for(lambda: driver.find_elements(By.ID, "detail-call"), what="the link back to the call")[0]
        assert back.text.startswith("#1 POST /v1/customers"), back.text
        back.click()
        wait_for(lambda: driver.find_element(By.ID, "detail").get_attribute("open") is None, what="Show data closed")
        wait_for(lambda: "target" in (driver.find_element(By.ID, "call-1").get_attribute("class") or ""),
                 what="the call highlighted")
        assert driver.find_element(By.ID, "tab-calls").get_attribute("aria-selected") == "true"

        # Advance the clock from the page: the POST asks for the keys once, then the clock shows the new time.
        wait_for(lambda: "2026-01-01" in driver.find_element(By.ID, "clock-now").text, what="the simulated clock")
        field = driver.find_element(By.NAME, "advance")
        field.clear()
        field.send_keys("2d")
        driver.find_element(By.ID, "clock-advance").click()
        wait_for(lambda: driver.find_element(By.ID, "keys").get_attribute("open") is not None, what="the keys form")
        driver.find_element(By.NAME, "app_id").send_keys("app")
        driver.find_element(By.NAME, "app_token").send_keys("token")
        driver.find_element(By.ID, "keys-save").click()
        wait_for(lambda: "2026-01-03" in driver.find_element(By.ID, "clock-now").text, what="the clock 2 days on")
        assert "Clock: 2026-01-03" in driver.find_element(By.ID, "control-result").text
        wait_for(lambda: "/_sendout/clock" in driver.find_element(By.ID, "call-rows").text, what="the clock call listed")

        # Pause delivery from the page, then resume it.
        driver.find_element(By.ID, "delivery-toggle").click()
        wait_for(lambda: driver.find_element(By.ID, "delivery-state").text == "paused", what="delivery paused")
        driver.find_element(By.ID, "delivery-toggle").click()
        wait_for(lambda: driver.find_element(By.ID, "delivery-state").text == "on", what="delivery on again")
        print("serve calls: call ↔ sendout links, clock advanced and delivery paused from the page")
    finally:
        driver.quit()
