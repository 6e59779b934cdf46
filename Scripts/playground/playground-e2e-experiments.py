#!/usr/bin/env python3
"""The Experiments tab on a fresh `activations serve`, in headless Chromium: the Run button starts the
quick experiments, the page shows their progress, then the report with every claim's verdict.

Usage: playground-e2e-experiments.py URL [MINUTES]
MINUTES (default 20) bounds the wait for the report: the quick run takes about a minute in a release
build and several in a debug build. Prints one JSON line; exits 1 on a failed check.
"""
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from playground_browser import Browser  # noqa: E402

url = sys.argv[1].rstrip("/") + "/"
minutes = float(sys.argv[2]) if len(sys.argv) > 2 else 20
b = Browser(width=1280, height=900)
d = b.driver

PAGE = """const bar = document.getElementById('bar'), box = document.getElementById('progress'),
    failed = document.getElementById('failed'), h1 = document.querySelector('h1');
return { title: h1 ? h1.textContent : '', progress: box && !box.hidden ? document.getElementById('progressText').textContent : null,
         done: bar ? bar.value : null, total: bar ? bar.max : null, failed: failed && !failed.hidden ? failed.textContent : '',
         run: !!document.getElementById('run'), verdicts: document.querySelectorAll('td, li').length };"""


def run_quick_experiments():
    d.get(url + "experiments/")
    page = b.js(PAGE)
    b.seen["before"] = page
    if not b.check(page["run"] and page["progress"] is None, f"a fresh server's Experiments tab has no Run button, or runs already: {page}"):
        return
    d.find_element("id", "run").click()
    start, progress, last = time.time(), [], page
    while time.time() - start < 60 * minutes:
        try:
            last = b.js(PAGE)
        except Exception:  # the page is reloading into the report
            time.sleep(0.5)
            continue
        if last["progress"] and last["progress"] not in progress:
            progress.append(last["progress"])
        if last["failed"] or not last["run"]:
            break
        time.sleep(0.5)
    b.seen["progress"] = progress[:3] + progress[-2:] if len(progress) > 5 else progress
    b.seen["seconds"] = round(time.time() - start, 1)
    b.seen["after"] = {k: last[k] for k in ["title", "failed", "verdicts"]}
    b.check(not last["failed"], f"the quick run failed: {last['failed']}")
    b.check(any(" of " in p and "done" in p for p in progress), f"no progress shown while the experiments ran: {progress}")
    b.check("measured" in last["title"] and last["verdicts"] > 10, f"no report after the run ({b.seen['seconds']} s): {last}")
    text = b.js("return document.body.innerText")
    b.check(any(v in text for v in ["holds", "mixed", "does not hold"]), "the report shows no verdict")


sys.exit(b.run([run_quick_experiments], console_errors=True))
