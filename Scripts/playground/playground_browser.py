"""Shared by the playground's browser scripts: headless Chromium driven by selenium, the page's state,
waiting for a condition, the checks' record (what was seen, what failed) and the loop that runs them."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def start_server(binary, web_dir=None):
    """`activations serve --port 0` from `binary`, and its address; with `web_dir` the page's files are
    read from that folder (PLAYGROUND_WEB_DIR), so that two versions of the page can be compared on
    the same server build."""
    if not os.path.exists(binary):
        sys.exit(f"no server binary at {binary}; run `swift build -c release --product activations` first, or pass --url")
    env = dict(os.environ, PLAYGROUND_WEB_DIR=os.path.abspath(web_dir)) if web_dir else None
    server = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True, env=env)
    match = re.search(r"http://[\d.]+:\d+", server.stdout.readline())
    if not match:
        server.kill()
        sys.exit("the server did not print its address")
    return server, match.group(0)


class Browser:
    def __init__(self, width=1440, height=1200):
        self.profile = tempfile.mkdtemp(prefix="playground-browser-")
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         f"--window-size={width},{height}", f"--user-data-dir={self.profile}"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.binary_location = os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"
        service = Service(os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.seen, self.failures = {}, []

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def state(self):
        return self.js("""
            const s = window.playground, r = s ? s.records : [], banner = document.getElementById('banner');
            return { epoch: s && s.frame ? s.frame.epoch : -1, playing: s && s.frame ? s.frame.playing : false,
                     records: r.length, config: s && s.frame ? s.frame.config : null,
                     banner: banner.hidden ? '' : document.getElementById('bannerText').textContent,
                     bannerKind: banner.hidden ? '' : banner.className };
        """)

    def open(self, url, size=None, settle=0):
        """Loads `url` in a fresh page (through about:blank, so that a changed hash on the same address is a
        new load, not a hash change), optionally at `size` (width, height), and waits for the first frame of
        the new session (epoch 0 with its config); then `settle` seconds more. Returns the state."""
        if size:
            self.driver.set_window_size(*size)
        self.driver.get("about:blank")
        self.driver.get(url)
        what = "the first frame of " + (url[url.index("#"):] if "#" in url else "the default page")
        state = self.wait_for(lambda s: s["epoch"] == 0 and s["config"] is not None, 30, what)
        if settle:
            time.sleep(settle)
            state = self.state()
        return state

    def wait_for(self, condition, seconds, what):
        """The state once `condition(state)` holds; records a failure after `seconds`."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            current = self.state()
            try:
                if condition(current):
                    return current
            except (KeyError, TypeError):
                pass
            time.sleep(0.2)
        self.fail(f"{what} within {seconds} s; last state {json.dumps(self.state())[:600]}")
        return self.state()

    def check(self, ok, message):
        if not ok:
            self.fail(message)
        return ok

    def fail(self, message):
        self.failures.append(message)

    def console_errors(self):
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def close(self):
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)

    def run(self, checks, console_errors=False):
        """Runs every check (one that raises is recorded and does not hide the others), then with
        `console_errors` fails on the browser console's errors; closes the browser, prints the report
        and returns the exit status. PLAYGROUND_CHECKS=name,name runs only those checks."""
        chosen = [name for name in os.environ.get("PLAYGROUND_CHECKS", "").split(",") if name]
        try:
            for check in [c for c in checks if not chosen or c.__name__ in chosen]:
                try:
                    check()
                except Exception as error:
                    self.fail(f"{check.__name__}: {type(error).__name__}: {str(error)[:300]}")
            if console_errors:
                errors = self.console_errors()
                self.check(not errors, f"browser console errors: {errors}")
        finally:
            self.close()
        return self.report()

    def report(self):
        print(json.dumps({"ok": not self.failures, "seen": self.seen, "failures": self.failures}, ensure_ascii=False))
        return 1 if self.failures else 0
