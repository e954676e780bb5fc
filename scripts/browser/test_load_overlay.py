"""`sendout load --report out.html run1.json run2.json`: two saved runs drawn overlaid, each named in the legends and
in the runs table with its command, date and version; the time axis ends where the longer run ended.
Saves docs/screenshots/load-report-overlay.png."""

import os
import re
import subprocess

from selenium.webdriver.common.by import By

from browser import BIN, Sendout, chrome, shot, temp_dir

work = temp_dir()
report = os.path.join(work, "overlay.html")
with Sendout(["listen", "--port", "0", "--secret", "s"], r"Listening on (http://127\.0\.0\.1:\d+)") as listen:
    for name, rate, duration in (("before", "200", "3s"), ("after", "400", "2s")):
        subprocess.run([BIN, "load", "--to", listen.match + "/webhooks", "--rate", rate, "--duration", duration,
                        "--secret", "top-secret", "--save-result", os.path.join(work, name + ".json")],
                       check=True, cwd=work, stdout=subprocess.DEVNULL, timeout=120)
wrote = subprocess.run([BIN, "load", "--report", report, "before.json", "after.json"], check=True, cwd=work,
                       capture_output=True, text=True, timeout=60).stdout
assert "Wrote " + report in wrote and "2 runs" in wrote, wrote

driver = chrome()
try:
    driver.set_window_size(1280, 1900)
    driver.get("file://" + report)
    assert driver.title == "Load report: 2 runs", driver.title
    runs = driver.find_elements(By.CSS_SELECTOR, "table.runs tbody tr")
    assert [r.find_element(By.TAG_NAME, "td").text for r in runs] == ["before", "after"]
    for row in runs:
        text = row.text
        assert "sendout 0.1.0" in text and "--secret [REDACTED]" in text and "top-secret" not in text, text
        assert re.search(r"20\d\d-\d\d-\d\dT", text), text
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 3
    legends = [t.text for t in charts[0].find_elements(By.CSS_SELECTOR, ".legend text")]
    assert "before requests/s" in legends and "after requests/s" in legends, legends
    for chart in charts:
        lines = chart.find_elements(By.CSS_SELECTOR, "path.line")
        assert len(lines) >= 2, [l.get_attribute("class") for l in lines]
    ticks = [float(t.text) for t in
             charts[0].find_elements(By.CSS_SELECTOR, ".axis text[text-anchor='middle']:not(.axis-label)")]
    assert max(ticks) <= 3.5, "the time axis ends with the longer run (3 s), not padded: %r" % ticks
    assert driver.find_elements(By.CSS_SELECTOR, ".figures thead th")[0].text == "before"
    shot(driver, "load-report-overlay")
    print("load overlay: two runs drawn, named, with command, date and version")
finally:
    driver.quit()
