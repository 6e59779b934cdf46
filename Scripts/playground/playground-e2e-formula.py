#!/usr/bin/env python3
"""Your own activation in the playground, in headless Chromium (issue 15).

Usage: playground-e2e-formula.py URL [SCREENSHOT_DIR]
Checks: "Your own…" in the menu for every layer opens the formula field; a misspelt name shows the
server's message with the closest names and a caret under its column, and cannot be used; a formula
with a comma and a parameter shows f′ written out and its plot, and trains when used (the loss falls);
the page's address survives a reload with it; a second formula in one layer's menu gives a per-layer
list that survives a reload too; Export then Import keeps both formulas and the weights; the classroom
link carries them; the your-own preset sets its formula; a link typed by hand keeps `+`; a formula that does not parse in a link is refused
with its message. Prints one
JSON line; exits 1 on a failed check.
"""
import json
import os
import sys
import tempfile

from selenium.webdriver.support.ui import Select

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from playground_browser import Browser  # noqa: E402

url = sys.argv[1].rstrip("/") + "/"
shots = sys.argv[2] if len(sys.argv) > 2 else None
b = Browser()
d = b.driver
files = tempfile.mkdtemp(prefix="playground-formula-")
OWN = "your-own…"
FIRST = "f(x; a=0.1) = max(a*x, x)"      # a comma inside max( ), a parameter, `;` and `=` in the address
SECOND = "f(x) = x > 0 ? x : 0.5*(exp(x) - 1) + 0"  # `?`, `>`, `:`, `+` and spaces in the address


def fresh(hash=""):
    return b.open(url + hash)


def export():
    return b.js("return fetch(`/api/sessions/${window.playground.id}/model`).then(r => r.json())")


def field():
    return d.find_element("id", "formulaText")


def type_formula(text):
    box = field()
    box.clear()
    box.send_keys(text)
    return b.js("return document.getElementById('formulaText').value") == text


def wait_field(condition, what):
    """Waits until `condition(shown)` holds for the field's error, caret, derivative and Use button."""
    read = """return { error: document.getElementById('formulaError').textContent,
        caret: document.getElementById('formulaCaret').hidden ? '' : document.getElementById('formulaCaret').textContent,
        derivative: document.getElementById('formulaDerivative').textContent,
        usable: !document.getElementById('formulaUse').disabled }"""
    shown = {}
    for _ in range(100):
        shown = b.js(read)
        if condition(shown):
            return shown
        b.js("return new Promise(r => setTimeout(r, 100))")
    b.fail(f"{what}: the field shows {shown}")
    return shown


def shot(name):
    if shots:
        os.makedirs(shots, exist_ok=True)
        d.save_screenshot(os.path.join(shots, name + ".png"))


def parse_error_is_shown():
    fresh()
    Select(d.find_element("id", "activationAll")).select_by_value(OWN)
    b.check(d.find_element("id", "formulaBox").is_displayed(), "choosing Your own… does not open the formula field")
    bad = "f(x) = x * sigmoud(x)"
    type_formula(bad)
    shown = wait_field(lambda s: "sigmoud" in s["error"], "the parse error of a misspelt name")
    b.seen["parseError"] = shown
    b.check("sigmoid" in shown["error"], f"the error does not suggest sigmoid: {shown['error']!r}")
    b.check(shown["caret"] == bad + "\n" + " " * 11 + "^", f"the caret is not under column 12: {shown['caret']!r}")
    b.check(not shown["usable"], "a formula that does not parse can be used")
    shot("formula-error")
    d.find_element("id", "formulaUse").click()
    b.check(fresh_config()["activations"] == ["tanh"], "a formula that does not parse changed the activation")


def fresh_config():
    return b.state()["config"]


def train_with_formula():
    type_formula(FIRST)
    shown = wait_field(lambda s: s["usable"] and "f′(x)" in s["derivative"], "the derivative of a formula that parses")
    b.seen["derivative"] = shown["derivative"]
    drawn = b.js("""const c = document.getElementById('formulaChart'), px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++; return n""")
    b.check(drawn > 500, f"the formula's plot is blank ({drawn} pixels drawn)")
    shot("formula-field")
    d.find_element("id", "formulaUse").click()
    b.wait_for(lambda s: s["config"]["activations"] == [FIRST], 20, "the formula to be used")
    b.check(not d.find_element("id", "formulaBox").is_displayed(), "the field stays open after Use")
    labels = b.js("return [...document.querySelectorAll('#network select')].map(s => s.value)")
    b.check(labels and all(v == FIRST for v in labels), f"the layers' menus do not show the formula: {labels}")
    d.find_element("id", "play").click()
    state = b.wait_for(lambda s: s["epoch"] >= 20, 120, "20 epochs with the formula")
    d.find_element("id", "play").click()
    records = b.js("return window.playground.records.map(r => r.trainLoss)")
    b.seen["loss"] = {"epoch0": records[0] if records else None, "last": records[-1] if records else None, "epoch": state["epoch"]}
    b.check(len(records) > 10 and records[-1] < 0.8 * records[0], f"the loss did not fall with the formula: {b.seen['loss']}")
    b.wait_for(lambda s: "f(x)" in d.find_element("id", "cardTitle").text, 10, "the activation card to show the formula")
    shot("formula-trained")


def reload_keeps(expected, what):
    address = b.js("return location.href")
    fresh(address[len(url):])
    config = fresh_config()
    b.seen[what] = {"address": address[len(url):][:160], "activations": config["activations"]}
    b.check(config["activations"] == expected, f"{what}: after a reload the activations are {config['activations']}, expected {expected}")


def per_layer_formula():
    menus = d.find_elements("css selector", "#network select")
    b.check(len(menus) == 2, f"expected two layer menus, found {len(menus)}")
    Select(menus[1]).select_by_value(OWN)
    b.check(d.find_element("id", "formulaTarget").text == "hidden layer 2", "the field does not name layer 2")
    b.check(b.js("return [...document.querySelectorAll('#network select')][1].value") == FIRST, "the layer's menu does not keep its formula while the field is open")
    type_formula(SECOND)
    wait_field(lambda s: s["usable"], "the second formula to parse")
    d.find_element("id", "formulaUse").click()
    b.wait_for(lambda s: s["config"]["activations"] == [FIRST, SECOND], 20, "layer 2's formula to be used")


def export_import():
    d.find_element("id", "step").click()
    b.wait_for(lambda s: s["epoch"] >= 1, 20, "a step")
    saved = export()
    b.seen["exported"] = {"activations": saved["playground"]["activations"], "layers": [l.get("activation") for l in saved.get("layers", [])]}
    b.check(saved["playground"]["activations"] == [FIRST, SECOND], f"the export lost the formulas: {b.seen['exported']}")
    path = os.path.join(files, "model.json")
    with open(path, "w") as f:
        json.dump(saved, f)
    fresh()
    d.find_element("id", "import").send_keys(path)
    state = b.wait_for(lambda s: "Imported" in s["banner"] or "error" in s["bannerKind"], 20, "the import's banner")
    b.check("Imported" in state["banner"], f"importing a model with formulas failed: {state['banner']!r}")
    b.wait_for(lambda s: s["config"]["activations"] == [FIRST, SECOND], 20, "the imported formulas")
    b.check(export() == saved, "after Import, Export does not return the imported model")


def classroom_link():
    d.find_element("css selector", "#hideList input[name='learningRate']").click()
    link = d.find_element("id", "shareLink").get_attribute("value")
    d.get("about:blank")
    d.get(link)
    b.wait_for(lambda s: s["config"] is not None, 30, "the classroom link's page")
    b.check(fresh_config()["activations"] == [FIRST, SECOND], f"the classroom link gives {fresh_config()['activations']}")


def preset():
    fresh()
    Select(d.find_element("id", "preset")).select_by_value("your-own")
    b.wait_for(lambda s: s["config"]["activations"] == ["f(x) = x*sigmoid(1.5*x)"], 20, "the your-own preset")
    b.wait_for(lambda s: b.js("return document.getElementById('activationAll').value") == "f(x) = x*sigmoid(1.5*x)", 10, "the menu to show the preset's formula")


def typed_links():
    state = fresh("#activation=f(x)=x+tanh(x)&networkShape=3")  # typed by hand: `+` is a plus, not a space
    b.check(state["config"]["activations"] == ["f(x)=x+tanh(x)"], f"a typed link's formula became {state['config']['activations']}")
    state = fresh("#activation=" + "f(x)%3Dsigmoud(x)")
    state = b.wait_for(lambda s: "sigmoud" in s["banner"], 20, "the message about the link's formula")
    b.seen["badLink"] = state["banner"][:200]
    b.check(state["config"]["activations"] == ["tanh"], f"a formula that does not parse left {state['config']['activations']}")


checks = [parse_error_is_shown, train_with_formula, lambda: reload_keeps([FIRST], "reload"), per_layer_formula,
          lambda: reload_keeps([FIRST, SECOND], "reloadPerLayer"), export_import, classroom_link, preset, typed_links]
try:
    for check in checks:
        try:
            check()
        except Exception as error:  # one broken check must not hide the others
            b.fail(f"{getattr(check, '__name__', 'check')}: {type(error).__name__}: {str(error)[:300]}")
    errors = [e for e in b.console_errors() if "400" not in e]  # the field's and the link's refused formulas answer 400 by design
    b.check(not errors, f"console errors: {errors}")
finally:
    b.close()
sys.exit(b.report())
