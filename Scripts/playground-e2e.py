#!/usr/bin/env python3
"""The playground in a real browser: headless Chromium driven by selenium.

Usage: playground-e2e.py URL SCREENSHOT_DIR
Opens the page, presses play, checks that the epoch counter advances and the loss falls on the
circle with tanh (the default), switches to the dying-ReLU preset and checks that dead units appear,
and saves screenshots. Prints one JSON line with what it saw; exits 1 on a failed check.
"""
import json
import os
import shutil
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import Select

url, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
profile = tempfile.mkdtemp(prefix="playground-e2e-")
options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1440,1200", f"--user-data-dir={profile}"]:
    options.add_argument(argument)
options.binary_location = os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")), options=options)
seen, failures = {}, []


def state():
    return driver.execute_script("""
        const s = window.playground, r = s.records;
        return { epoch: s.frame ? s.frame.epoch : -1, playing: s.frame ? s.frame.playing : false,
                 first: r.length ? r[0].trainLoss : null, last: r.length ? r[r.length - 1].trainLoss : null,
                 dead: document.querySelectorAll('.node.dead').length,
                 activation: s.frame ? s.frame.config.activations.join(',') : '',
                 banner: document.getElementById('banner').hidden ? '' : document.getElementById('bannerText').textContent };
    """)


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        current = state()
        if condition(current):
            return current
        time.sleep(0.25)
    failures.append(f"{what} within {seconds} s; last state {state()}")
    return state()


try:
    driver.get(url + "#epochsPerFrame=5")
    wait_for(lambda s: s["epoch"] == 0, 30, "the first frame")
    driver.find_element("id", "play").click()
    start = wait_for(lambda s: s["playing"] and s["epoch"] > 0, 30, "the epoch counter to start")
    after = wait_for(lambda s: s["epoch"] >= 150 and s["last"] is not None and s["last"] < 0.7 * s["first"], 90,
                     "the loss to fall on circle with tanh")
    seen["circle"] = {"epoch": after["epoch"], "firstLoss": after["first"], "lastLoss": after["last"],
                      "counter": driver.find_element("id", "epoch").text}
    if after["activation"] != "tanh":
        failures.append(f"the default activation is {after['activation']}, expected tanh")
    driver.save_screenshot(os.path.join(out, "playground-circle.png"))
    Select(driver.find_element("id", "preset")).select_by_value("dying-relu")
    wait_for(lambda s: s["activation"] == "relu", 30, "the dying-ReLU preset to load")
    if not state()["playing"]:
        driver.find_element("id", "play").click()
    dying = wait_for(lambda s: s["dead"] > 0, 90, "dead units to appear with the dying-ReLU preset")
    seen["dyingRelu"] = {"epoch": dying["epoch"], "deadUnits": dying["dead"]}
    driver.find_element("id", "play").click()
    time.sleep(1)
    driver.save_screenshot(os.path.join(out, "playground-dying-relu.png"))
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    if errors:
        failures.append(f"browser console errors: {errors}")
finally:
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)

print(json.dumps({"ok": not failures, "seen": seen, "failures": failures}))
sys.exit(1 if failures else 0)
