#!/usr/bin/env python3
"""The playground's layout and the pages around it, in headless Chromium; and the README's screenshots.

Usage: playground-e2e-layout.py URL [SCREENSHOT_DIR]
Checks: banners float over the board instead of pushing it down; the loss readout does not move the
heatmap; the activation menu is grouped by family with the catalog's names ("Linear (c·x)"); the top
bar's menus (activation, preset) show their longest option whole, at 1280 and 400 px; output units
carry class labels (softmax, three spiral arms); gradient links have their own caption and legend; at
800 px the output sits under the network, at 400 px the network fits or says it scrolls; the gallery
and the experiments page share the header and follow the theme toggle; /favicon.ico is an
icon. With SCREENSHOT_DIR it saves the playground's main states there as small PNGs (initial, spiral
training, dying ReLU, vanishing gradient, dark). The runs are short (3 epochs or more): a debug build on a busy
machine trains slowly, and the pictures need the state, not a trained net. Prints one JSON line; exits 1 on a failed check.
"""
import os
import sys
import time
import urllib.request

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from playground_browser import Browser  # noqa: E402

url = sys.argv[1].rstrip("/") + "/"
shots = sys.argv[2] if len(sys.argv) > 2 else None
b = Browser(width=1280, height=900)
d = b.driver


def fresh(hash="", width=1280, height=900):
    b.open(url + hash, size=(width, height), settle=0.5)


def rect(selector):
    return b.js("const r = document.querySelector(arguments[0]).getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}", selector)


def shot(name):
    if not shots:
        return
    os.makedirs(shots, exist_ok=True)
    path = os.path.join(shots, f"playground-{name}.png")
    d.save_screenshot(path)
    try:  # small PNGs for the README: a 256-colour palette
        from PIL import Image
        Image.open(path).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    except ImportError:
        pass


def play_until(condition, seconds, what):
    if not b.state()["playing"]:
        d.find_element("id", "play").click()
    b.wait_for(condition, seconds, what)
    d.find_element("id", "play").click()
    b.wait_for(lambda s: not s["playing"], 30, "pause")
    time.sleep(0.5)


def board_and_readout():
    fresh()
    shot("initial")
    before = rect(".board")
    b.js("document.getElementById('bannerText').textContent = 'A test banner'; document.getElementById('banner').hidden = false")
    b.check(rect(".board")["y"] == before["y"], f"a banner moved the board from {before['y']} to {rect('.board')['y']}")
    b.js("document.getElementById('banner').hidden = true")
    d.find_element("id", "step").click()
    b.wait_for(lambda s: s["records"] >= 2, 20, "a step")
    heatmap = rect("#heatmap")
    chart = d.find_element("id", "lossChart")
    ActionChains(d).move_to_element_with_offset(chart, chart.size["width"] // 3, 0).perform()
    time.sleep(0.3)
    b.seen["readout"] = d.find_element("id", "lossReadout").text
    b.check(rect("#heatmap")["y"] == heatmap["y"], f"the loss readout moved the heatmap from {heatmap['y']} to {rect('#heatmap')['y']}")


def menus():
    groups = b.js("return [...document.querySelectorAll('#activationAll optgroup')].map(g => g.label)")
    linear = b.js("return document.querySelector('#activationAll option[value=identity]').textContent")
    b.seen["menuGroups"] = groups
    b.check(len(groups) >= 5 and "Rectifiers" in groups, f"the activation menu is not grouped by family: {groups}")
    b.check(linear == "Linear (c·x)", f"identity is shown as {linear!r}, not the article's 'Linear (c·x)'")
    clipped = b.js("return [...document.querySelectorAll('.layer-act span')].filter(s => s.scrollWidth > s.clientWidth + 1).length")
    b.check(clipped == 0, f"{clipped} per-layer menus clip their names")
    clipped_controls = controls_clipping()
    b.seen["controlsClipping"] = clipped_controls
    b.check(not clipped_controls, f"menus of the top bar clip their longest option: {clipped_controls}")


def controls_clipping():
    """The top bar's menus narrower than their longest option (a select sizes itself to its widest
    option unless a max-width cuts it): [id, width, natural width] for each."""
    return b.js("""return [...document.querySelectorAll('.controls select')].map(s => {
        const width = s.getBoundingClientRect().width, saved = s.style.maxWidth;
        s.style.maxWidth = 'none';
        const natural = s.getBoundingClientRect().width;
        s.style.maxWidth = saved;
        return [s.id, Math.round(width), Math.round(natural)];
    }).filter(([id, width, natural]) => width + 1 < natural)""")


def spiral_and_gradients():
    Select(d.find_element("id", "preset")).select_by_value("softmax-spiral")
    b.wait_for(lambda s: s["config"]["dataset"] == "spiral-arms", 20, "the softmax-spiral preset")
    labels = b.js("return [...document.querySelectorAll('.output-node .class-label')].map(e => e.textContent)")
    b.seen["classLabels"] = labels
    b.check(len(labels) == 3, f"the three output units are not labelled by class: {labels}")
    play_until(lambda s: s["epoch"] >= 3, 120, "3 epochs on the spiral")
    shot("spiral")
    Select(d.find_element("id", "linkMode")).select_by_value("gradients")
    b.check(d.find_element("id", "gradientCaption").is_displayed() and not d.find_element("id", "linkCaption").is_displayed(),
            "gradient links keep the weights' caption")


def presets():
    fresh()
    Select(d.find_element("id", "preset")).select_by_value("dying-relu")
    b.wait_for(lambda s: s["config"]["activations"] == ["relu"], 20, "the dying-ReLU preset")
    play_until(lambda s: b.js("return document.querySelectorAll('.node.dead').length") > 0, 90, "dead units")
    shot("dying-relu")
    Select(d.find_element("id", "preset")).select_by_value("vanishing-gradient")
    b.wait_for(lambda s: len(s["config"]["networkShape"]) == 8, 20, "the vanishing-gradient preset")
    play_until(lambda s: s["epoch"] >= 3, 120, "3 epochs of the deep sigmoid network")
    b.js("document.querySelector('.panels').scrollIntoView()")
    shot("vanishing-gradient")
    d.find_element("id", "theme").click()
    b.js("window.scrollTo(0, 0)")
    time.sleep(0.5)
    shot("dark")
    d.find_element("id", "theme").click()


def narrow():
    fresh(width=800)
    net, out = rect(".network-area"), rect("section.output")
    b.seen["at800"] = {"network": net, "output": out}
    beside = out["y"] < net["y"] + net["h"] and out["x"] >= net["x"] + net["w"] - 1
    under = abs(out["x"] - net["x"]) < 2 and 0 <= out["y"] - (net["y"] + net["h"]) < 40
    b.check(beside or under, f"at 800 px the output is not beside or directly under the network: {b.seen['at800']}")
    fresh("#networkShape=8,8,8,8,8,8", width=400)
    fits = b.js("const a = document.querySelector('.network-area'); return a.scrollWidth <= a.clientWidth + 2")
    hint = d.find_element("id", "scrollHint").is_displayed()
    b.seen["at400"] = {"fits": fits, "scrollHint": hint}
    b.check(fits or hint, "at 400 px the network neither fits nor says that it scrolls")
    clipped_controls = controls_clipping()
    b.seen["controlsClippingAt400"] = clipped_controls
    b.check(not clipped_controls, f"at 400 px menus of the top bar clip their longest option: {clipped_controls}")


def other_pages():
    for path in ["gallery", "experiments/"]:
        d.set_window_size(1280, 900)
        d.get(url + path)
        time.sleep(0.5)
        tabs = b.js("return [...document.querySelectorAll('header.site .tabs a')].map(a => a.textContent)")
        b.check(tabs == ["Playground", "Gallery", "Experiments"], f"/{path} lacks the shared header: {tabs}")
        before = b.js("return [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]")
        d.find_element("id", "theme").click()
        after = b.js("return [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]")
        b.seen[path] = {"before": before, "after": after}
        b.check(before[0] != after[0] and before[1] != after[1], f"/{path} does not follow the theme toggle: {before} → {after}")
        d.find_element("id", "theme").click()
        # Lab's page style capped `header` at 72rem: at 1400 px the band stopped at 1152 px.
        d.set_window_size(1400, 900)
        band = b.js("const r = document.querySelector('header.site').getBoundingClientRect(); "
                    "return {left: r.left, right: r.right, window: document.documentElement.clientWidth}")
        b.seen[f"{path}HeaderAt1400"] = band
        b.check(band["left"] <= 0 and band["right"] >= band["window"], f"/{path}: the header band does not span the window: {band}")
    with urllib.request.urlopen(url + "favicon.ico") as icon:
        b.check(icon.status == 200 and icon.headers["Content-Type"].startswith("image/"), "/favicon.ico is not an icon")


checks = [board_and_readout, menus, spiral_and_gradients, presets, narrow, other_pages]
sys.exit(b.run(checks, console_errors=True))
