#!/usr/bin/env python3
"""A teacher's second round of defects, in headless Chromium, one check each.

Usage: playground-e2e-classroom.py URL
Checks, one per defect a teacher found (each check's docstring says which): where the preset's note
sits, what the classroom flags hide, TensorFlow Playground's keys, the keyboard, labels, Max epochs.
Prints one JSON line; exits 1 on a failed check.
"""
import sys
import time

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from playground_browser import Browser  # noqa: E402

url = sys.argv[1].rstrip("/") + "/"
b = Browser()
d = b.driver


def fresh(hash="", width=1440, height=1200):
    b.open(url + hash, size=(width, height), settle=0.3)


COVERED = """
    const note = document.getElementById('presetNote').getBoundingClientRect(), out = {};
    const targets = { heatmap: '#heatmap', showTestData: '#showTestData', discretize: '#discretize',
                      checklist: '#hideList input', datasets: '#datasets button', preset: '#preset' };
    for (const [name, selector] of Object.entries(targets)) {
        for (const el of document.querySelectorAll(selector)) {
            const r = el.getBoundingClientRect();
            if (!r.width) continue;
            const overlaps = r.left < note.right && r.right > note.left && r.top < note.bottom && r.bottom > note.top;
            if (overlaps) out[name] = (out[name] || 0) + 1;
        }
    }
    return out;"""


def preset_note_covers_nothing():
    """The preset's note (fixed, 440×182 px) covered the heatmap, its checkboxes, the classroom checklist and,
    at 400 px, the dataset buttons; it sits in the layout now. Checked at every scroll position."""
    covered = {}
    for width in [1440, 400]:
        fresh(width=width, height=1000)
        Select(d.find_element("id", "preset")).select_by_value("relu-sparsity")
        b.wait_for(lambda s: s["config"]["optimizer"] == "adam", 20, "the preset to load")
        b.check(d.find_element("id", "presetNote").is_displayed(), f"{width} px: the preset's note is not shown")
        height = b.js("return document.documentElement.scrollHeight")
        for y in range(0, height, 300):
            b.js(f"window.scrollTo(0, {y})")
            for name, count in b.js(COVERED).items():
                covered[f"{width}:{name}"] = max(covered.get(f"{width}:{name}", 0), count)
    b.seen["presetNoteCovers"] = covered
    b.check(not covered, f"the preset's note covers controls: {covered}")


def hidden_layers_flag_hides_neuron_buttons():
    """`numHiddenLayers_hide=true` hid the layers' +/− but not each layer's neuron +/−, which change the architecture too."""
    fresh("#networkShape=3,2&numHiddenLayers_hide=true")
    shown = b.js("""return [...document.querySelectorAll('#addLayer, #removeLayer, .layer-header button')]
        .filter(e => e.getClientRects().length > 0).map(e => e.getAttribute('aria-label'))""")
    b.seen["architectureButtonsShown"] = shown
    b.check(not shown, f"numHiddenLayers_hide leaves buttons that change the architecture: {shown}")


def init_zero():
    """TensorFlow Playground's `initZero=true` was ignored."""
    fresh("#initZero=true&networkShape=2")
    state = b.state()
    weights = b.js("return window.playground.frame.network.layers[0].weights.flat()")
    b.seen["initZero"] = {"initializer": state["config"]["initializer"], "menu": d.find_element("id", "initializer").get_attribute("value")}
    b.check(state["config"]["initializer"] == "zeros" and all(w == 0 for w in weights), f"initZero=true did not load zeros: {b.seen['initZero']}")


def focused():
    return b.js("const e = document.activeElement; return e ? (e.id || e.getAttribute('aria-label') || e.className) : ''")


def keyboard():
    """Feature nodes, neurons and bias squares were click-only divs, and the import's file input was display:none."""
    fresh("#networkShape=2")
    reach = b.js("""const all = [...document.querySelectorAll('#network .node.feature, #network .node.unit, #network .bias, #import')];
        return all.map(e => [e.getAttribute('aria-label') || e.id, e.tabIndex, getComputedStyle(e).display])""")
    unreachable = [r for r in reach if r[1] < 0 or r[2] == "none"]
    b.seen["keyboardReach"] = {"elements": len(reach), "unreachable": unreachable[:5]}
    b.check(len(reach) > 10 and not unreachable, f"not reachable with Tab: {unreachable[:5]}")
    # Tab from the page's start reaches the import (it was skipped).
    b.js("document.activeElement.blur(); window.scrollTo(0, 0)")
    body = d.find_element("css selector", "body")
    seen = []
    for _ in range(400):
        body.send_keys(Keys.TAB) if not seen else d.switch_to.active_element.send_keys(Keys.TAB)
        seen.append(focused())
        if seen[-1] == "import":
            break
    b.check("import" in seen, f"Tab never reaches the model import (last: {seen[-5:]})")
    # Enter on a feature node toggles it.
    node = d.find_element("css selector", "#network .node.feature[aria-label='Input X₁X₂']")
    node.send_keys(Keys.ENTER)
    b.wait_for(lambda s: "x1*x2" in s["config"]["features"], 20, "Enter on X₁X₂ to add it")
    node = d.find_element("css selector", "#network .node.feature[aria-label='Input X₁X₂']")
    node.send_keys(" ")
    b.wait_for(lambda s: "x1*x2" not in s["config"]["features"], 20, "Space on X₁X₂ to remove it")
    # Focus on a neuron shows it larger; Enter on its bias square opens the editor.
    unit = d.find_element("css selector", "#network .node.unit")
    b.js("arguments[0].focus()", unit)
    time.sleep(0.3)
    b.check(d.find_element("id", "zoom").is_displayed(), "focusing a neuron does not show its output larger")
    bias = d.find_element("css selector", "#network .node.unit .bias")
    bias.send_keys(Keys.ENTER)
    time.sleep(0.3)
    editor = d.find_element("id", "editor")
    in_editor = b.js("return document.getElementById('editor').contains(document.activeElement)")
    b.check(editor.is_displayed() and in_editor, "Enter on a bias square does not open the editor (with the focus in it)")
    field = d.find_element("css selector", "#editor input")
    field.clear()
    field.send_keys("0.5", Keys.ENTER)
    b.wait_for(lambda s: b.js("return window.playground.frame.network.layers[0].bias[0]") == 0.5, 10, "the bias set from the keyboard")


def labels():
    """Unit health cut "Tanh (hyperbolic tangent)" to "Tanh (hyperb…"; with no hidden layers the Activation menu read "(per layer)"."""
    fresh("#networkShape=4,4,4,4,4,4,4,4&activation=tanh")
    drawn = b.js("return JSON.parse(document.getElementById('healthChart').dataset.labels || '[]')")
    b.seen["healthLabels"] = drawn
    b.check(len(drawn) == 8 and not any("…" in t for t in drawn), f"unit-health labels are cut off: {drawn}")
    fresh("#networkShape=2,2&activation=tanh")
    drawn = b.js("return JSON.parse(document.getElementById('healthChart').dataset.labels || '[]')")
    b.check(drawn == ["Tanh", "Tanh"], f"unit-health labels of two tanh layers: {drawn}")
    fresh("#networkShape=")
    menu = d.find_element("id", "activationAll")
    shown = b.js("const m = arguments[0]; return [m.options[m.selectedIndex].textContent, m.disabled]", menu)
    b.seen["activationMenuWithoutLayers"] = shown
    b.check(shown[0] != "(per layer)" and shown[1], f"with no hidden layers the Activation menu shows {shown}")


def max_epochs():
    """Play or Step pressed again after the pause at Max epochs trained one more epoch each time (031, 032…)
    under a banner that said training had paused at the maximum."""
    fresh("#maxEpochs=3&networkShape=2")
    d.find_element("id", "play").click()
    b.wait_for(lambda s: not s["playing"] and s["epoch"] == 3 and "maximum" in s["banner"], 30, "the pause at 3 epochs")
    for button in ["play", "step"]:
        d.find_element("id", button).click()
        state = b.wait_for(lambda s: "Raise Max epochs" in s["banner"], 10, f"{button}'s refusal")
        time.sleep(1)
        after = b.state()
        b.seen[f"maxEpochs{button.title()}"] = {"banner": state["banner"][:160], "epoch": after["epoch"], "playing": after["playing"]}
        b.check(after["epoch"] == 3 and not after["playing"], f"{button} at Max epochs trained on: {b.seen[f'maxEpochs{button.title()}']}")
    d.get_log("browser")  # the two refusals' 422s, expected


checks = [preset_note_covers_nothing, hidden_layers_flag_hides_neuron_buttons, init_zero, keyboard, labels, max_epochs]
sys.exit(b.run(checks, console_errors=True))
