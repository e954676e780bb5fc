"""`sendout load --report FILE.html`: the standalone report opens from file:// with its three charts drawn and the run's
command (secret redacted), date and version."""

import os
import subprocess

from selenium.webdriver.common.by import By

from browser import BIN, Sendout, chrome, shot, temp_dir

work = temp_dir()
report = os.path.join(work, "report.html")
with Sendout(["listen", "--port", "0", "--secret", "s"], r"Listening on (http://127\.0\.0\.1:\d+)") as listen:
    subprocess.run([BIN, "load", "--to", listen.match + "/webhooks", "--rate", "300", "--duration", "4s",
                    "--secret", "s", "--report", report], check=True, cwd=work, stdout=subprocess.DEVNULL,
                   timeout=120)
print("report: %d bytes" % os.path.getsize(report))

driver = chrome()
try:
    driver.set_window_size(1280, 1800)
    driver.get("file://" + report)
    assert driver.title.startswith("Load report"), driver.title
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 3, len(charts)
    for chart in charts:
        title = chart.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        size = chart.size
        assert size["width"] > 400 and size["height"] > 150, (title, size)
        lines = chart.find_elements(By.CSS_SELECTOR, "path.line")
        assert lines, title
        for line in lines:
            box = driver.execute_script("const b = arguments[0].getBBox(); return [b.width, b.height];", line)
            assert box[0] > 50, (title, box)  # a line across the chart, not an empty path
        assert len(chart.find_elements(By.CSS_SELECTOR, ".legend text")) >= 1, title
    run = driver.find_element(By.CSS_SELECTOR, "table.runs tbody tr").text
    assert "sendout 0.1.0" in run and "--secret [REDACTED]" in run and "--rate 300" in run, run
    figures = driver.find_element(By.CSS_SELECTOR, ".figures").text
    for name in ("Throughput", "Latency p99", "Requests", "Status"):
        assert name in figures, figures
    assert "1200 completed" in figures, figures
    ticks = [t.text for t in charts[2].find_elements(By.CSS_SELECTOR, ".axis text")]
    assert "99%" in ticks and "99.9%" in ticks, ticks
    height = driver.execute_script("return document.documentElement.scrollHeight")
    viewport = driver.execute_script("return window.innerHeight")
    assert height <= viewport, "the whole report fits in the screenshot: %d > %d" % (height, viewport)
    shot(driver, "load-report")
    print("load report: 3 charts drawn, figures shown")
finally:
    driver.quit()
