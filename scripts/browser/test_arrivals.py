"""`sendout listen --ui`: the Arrivals page shows new webhooks without a reload, with the signature checked;
a row opens its headers and body (by click and by keyboard); a body with <script> shows as text and runs nothing."""

import json
import os
import subprocess
import urllib.request

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import BIN, Sendout, chrome, shot, temp_dir, wait_for

HOSTILE_TYPE = "<script>alert(1)</script>"


def rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#rows tr")


def cells(row):
    return [td.text for td in row.find_elements(By.TAG_NAME, "td")]


def fire(base, event, work):
    subprocess.run([BIN, "fire", event, "--to", base + "/webhooks", "--secret", "S", "--audit",
                    os.path.join(work, "audit.jsonl")], check=True, cwd=work, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=60)


def no_alert(driver):
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    raise AssertionError("an alert fired: %r" % text)


work = temp_dir()
with Sendout(["listen", "--port", "0", "--ui", "--secret", "S"], r"Listening on (http://127\.0\.0\.1:\d+)") as listen:
    base = listen.match
    driver = chrome()
    try:
        driver.get(base + "/_sendout/")
        wait_for(lambda: "live" in driver.find_element(By.ID, "status").text, what="the page to start polling")
        assert rows(driver) == [], "no arrivals before the first webhook"

        # A real sendout, signed with the listener's secret, appears without a reload.
        fire(base, "customer.publication.succeeded", work)
        wait_for(lambda: len(rows(driver)) == 1, what="the fired webhook to appear")
        first = cells(rows(driver)[0])
        assert first[0] == "1", first
        assert first[2] == "POST /webhooks", first
        assert first[3] == "customer.publication.succeeded", first
        assert first[4].startswith("whs_"), first
        assert first[5] == "valid", first
        assert first[7] == "200", first

        # Click: headers and the pretty-printed body.
        rows(driver)[0].click()
        wait_for(lambda: driver.find_element(By.ID, "detail-body").is_displayed(), what="the detail panel")
        assert rows(driver)[0].get_attribute("aria-current") == "true", "the open row is marked current"
        headers = driver.find_element(By.ID, "detail-headers").text.lower()
        assert "x-voucherify-signature" in headers, headers
        body = driver.find_element(By.ID, "detail-raw").text
        assert '"type": "customer.publication.succeeded"' in body, body[:400]
        assert "pretty" in driver.find_element(By.ID, "body-kind").text

        # Untrusted text: a JSON body whose type is a script tag, and a raw non-JSON body.
        hostile = json.dumps({"id": "whs_hostile", "type": HOSTILE_TYPE}).encode()
        for data in (hostile, b"<img src=x onerror=alert(2)><script>alert(3)</script>"):
            request = urllib.request.Request(base + "/hooks", data=data, method="POST",
                                             headers={"content-type": "application/json"})
            urllib.request.urlopen(request, timeout=10).read()
        wait_for(lambda: len(rows(driver)) == 3, what="the two hostile requests to appear")
        newest, middle = rows(driver)[0], rows(driver)[1]
        assert cells(middle)[3] == HOSTILE_TYPE, cells(middle)
        assert cells(middle)[5] == "absent", cells(middle)
        newest.click()
        wait_for(lambda: "alert(3)" in driver.find_element(By.ID, "detail-raw").text, what="the raw body")
        assert driver.find_element(By.ID, "detail-raw").text.startswith("<img src=x")
        assert "as received" in driver.find_element(By.ID, "body-kind").text
        assert driver.execute_script("return document.querySelectorAll('#rows img, #rows script, #detail img, "
                                     "#detail script').length") == 0
        no_alert(driver)

        # Keyboard: from the newest row, ArrowDown twice and Enter opens the first arrival.
        rows(driver)[0].click()
        active = driver.switch_to.active_element
        active.send_keys(Keys.ARROW_DOWN)
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait_for(lambda: "customer.publication.succeeded" in driver.find_element(By.ID, "detail-raw").text,
                 what="Enter on the focused row to open it")
        assert driver.switch_to.active_element.get_attribute("data-seq") == "1"
        no_alert(driver)

        # A few more arrivals for the screenshot, then show the first one.
        for event in ("voucher.published", "redemption.succeeded"):
            fire(base, event, work)
        wait_for(lambda: len(rows(driver)) == 5, what="two more arrivals")
        no_alert(driver)
        rows(driver)[0].click()
        wait_for(lambda: "redemption.succeeded" in driver.find_element(By.ID, "detail-raw").text, what="detail")
        wait_for(lambda: driver.execute_script("return document.getAnimations().length === 0"),
                 what="the new-row highlight to fade")
        widths = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], "no horizontal scrolling: %r" % widths
        shot(driver, "arrivals")
        print("arrivals: 5 rows live, signature valid, detail by click and Enter, <script> shown as text")
    finally:
        driver.quit()
