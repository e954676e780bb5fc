"""The browser itself works: Chromium opens a page that `sendout listen` serves and reads its answer."""

from browser import Sendout, chrome

with Sendout(["listen", "--port", "0"], r"(http://127\.0\.0\.1:\d+)") as listen:
    driver = chrome()
    try:
        driver.get(listen.match + "/nothing-here")
        text = driver.find_element("tag name", "body").text
        assert text is not None
        print("smoke: chromium loaded", listen.match, "and read", len(text), "characters")
    finally:
        driver.quit()
