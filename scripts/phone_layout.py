#!/usr/bin/env python3
"""Test helper: opens a report.html in real headless Chromium, driven through
chromedriver with Selenium, emulating a phone (375 px wide, touch, device pixel
ratio 3), and prints what the layout measures as JSON:

    {"viewport": 375, "page": {"scrollWidth": .., "clientWidth": ..},
     "headline": {"found": true, "scrollWidth": .., "clientWidth": .., "cells": [..],
                  "rightmost": .., "sparklines": [{"label": .., "width": ..}, ..]},
     "wide": [{"caption": .., "scrollWidth": .., "clientWidth": .., "overflowX": .., "cue": ..}, ..]}

"headline" is the table captioned "Headline figures...": its wrapper's class and sizes,
each visible cell's text, and the right edge of the furthest cell (px from the
viewport's left). "wide" lists the other tables whose content is wider than
their wrapper, with the wrapper's overflow-x and whether it paints the scroll
shadow (a gradient background).

Chromium and chromedriver are Debian's (`chromium`, `chromium-driver`); the
paths can be set with CHROMIUM and CHROMEDRIVER. Selenium never downloads a
driver here (SE_OFFLINE).

usage: phone_layout.py REPORT_HTML [WIDTH]
"""
import json
import os
import pathlib
import shutil
import sys
import tempfile

os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

MEASURE = """
const wrap = [...document.querySelectorAll('.table-wrap')]
  .find(w => ((w.querySelector('caption') || {}).innerText || '').startsWith('Headline figures'));
const page = {scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth};
let headline = {found: false};
if (wrap) {
  const cells = [...wrap.querySelectorAll('tbody th, tbody td')];
  headline = {
    found: true, className: wrap.className,
    scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth,
    table: {scrollWidth: wrap.querySelector('table').scrollWidth, clientWidth: wrap.querySelector('table').clientWidth},
    cells: cells.map(c => c.innerText.trim()),
    rightmost: Math.max(...cells.map(c => c.getBoundingClientRect().right)),
    labels: [...wrap.querySelectorAll('tbody td')].map(c => getComputedStyle(c, '::before').content),
    sparklines: [...wrap.querySelectorAll('svg.sparkline')].map(s => ({
      label: s.getAttribute('aria-label'), width: s.getBoundingClientRect().width,
      right: s.getBoundingClientRect().right})),
  };
}
const wide = [...document.querySelectorAll('.table-wrap')].filter(w => w !== wrap)
  .filter(w => w.scrollWidth > w.clientWidth)
  .map(w => ({caption: (w.querySelector('caption') || {}).innerText || '',
              scrollWidth: w.scrollWidth, clientWidth: w.clientWidth,
              overflowX: getComputedStyle(w).overflowX,
              cue: getComputedStyle(w).backgroundImage.includes('gradient')}));
return {viewport: window.innerWidth, page, headline, wide};
"""


def main():
    html = pathlib.Path(sys.argv[1]).resolve()
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 375
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="robin-phone-")
    options.add_argument(f"--user-data-dir={profile}")
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": width, "height": 812, "pixelRatio": 3.0, "touch": True},
        "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                     "Chrome/126.0 Mobile Safari/537.36",
    })
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    try:
        driver.get(html.as_uri())
        json.dump(driver.execute_script(MEASURE), sys.stdout, ensure_ascii=False)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)  # the browser's throw-away profile


if __name__ == "__main__":
    main()
