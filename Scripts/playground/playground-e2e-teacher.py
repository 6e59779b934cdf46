#!/usr/bin/env python3
"""The playground in a teacher's hands, in headless Chromium (issue 17's bugs, one check each).

Usage: playground-e2e-teacher.py URL
Checks: the loss of the initial weights at epoch 0; Export then Import of the page's own model file;
a diverging run shows the NaN guard's message, with no console errors; a new URL hash in an open tab is
applied (and Export returns the new model); the weight editor refuses junk with a message; a CSV with a
typo label or a far outlier gets warnings; a preset's note clears when the setup moves away from it; a
classroom link prepared by unticking boxes leaves the teacher's address alone and, opened in a new tab,
shows the student only what the teacher chose; Play then Pause one second later (twice) shows each
click at once and ends paused, as the server confirms; a link with a value out of range keeps its other
keys and hide flags and says what it changed; reloading or leaving the page closes its session, and a
page restored from the back/forward cache makes one new session, even when clicked at once; a click on a page
whose session the server lost goes to the new session; the frames come over the page's WebSocket, and by
HTTP pulls once it closes or when it is refused; the linear collapse's maps come only while its panel
is on screen, and at once when it is scrolled into view while paused; an upload or an import survives the
next change of the setup; a link pasted into an open tab keeps what the playground takes of it. Prints
one JSON line; exits 1 on a failed check.
"""
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import Select

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from playground_browser import Browser  # noqa: E402

url = sys.argv[1].rstrip("/") + "/"
b = Browser()
d = b.driver
files = tempfile.mkdtemp(prefix="playground-teacher-")


def fresh(hash=""):
    b.open(url + hash)


def export():
    return b.js("return fetch(`/api/sessions/${window.playground.id}/model`).then(r => r.json())")


def address_value(key):
    """`key`'s value in the page's address: the page's own setup, which it writes there on every change."""
    return b.js("return new URLSearchParams(location.hash.slice(1)).get(arguments[0])", key)


def write(name, text):
    path = os.path.join(files, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def epoch_zero_loss():
    fresh()
    shown = d.find_element("id", "trainLoss").text
    b.seen["epochZeroLoss"] = shown
    b.check(shown not in ("", "–") and float(shown) > 0, f"the loss at epoch 0 shows {shown!r}, expected the initial weights' loss")


def import_round_trip():
    fresh("#networkShape=3&activation=relu&epochsPerFrame=5")
    d.find_element("id", "step").click()
    b.wait_for(lambda s: s["epoch"] >= 1, 20, "a step")
    saved = export()
    path = write("model.json", json.dumps(saved))
    b.js("return fetch(`/api/sessions/${window.playground.id}/reseed?seed=777`, {method: 'POST', headers: {'Content-Type': 'application/json'}})")
    b.wait_for(lambda s: s["epoch"] == 0, 20, "the reseed")
    b.check(export() != saved, "reseeding did not change the model, so the round trip would prove nothing")
    d.find_element("id", "import").send_keys(path)
    state = b.wait_for(lambda s: "Imported" in s["banner"] or "error" in s["bannerKind"], 20, "the import's banner")
    b.seen["import"] = state["banner"][:160]
    b.check("Imported" in state["banner"], f"importing the page's own export failed: {state['banner']!r}")
    b.check(export() == saved, "after Import, Export does not return the imported model")


def diverging_run():
    fresh("#problem=regression&regDataset=reg-plane&activation=identity&learningRate=10&networkShape=8,8&batchSize=1")
    d.get_log("browser")  # start counting from here
    d.find_element("id", "play").click()
    state = b.wait_for(lambda s: "NaN" in s["banner"] and not s["playing"], 30, "the NaN guard's message")
    b.seen["diverging"] = state["banner"][:200]
    shown = {k: d.find_element("id", k).text for k in ["trainLoss", "testLoss", "epoch"]}
    b.seen["divergingShown"] = shown
    b.check("–" not in (shown["trainLoss"], shown["testLoss"]), f"a diverged run leaves blanks: {shown}")
    errors = b.console_errors()
    b.check(not errors, f"console errors in a diverging run: {errors}")


def hash_change():
    fresh()
    b.js("location.hash = '#activation=relu&networkShape=3&learningRate=0.1&dataset=xor'")
    b.wait_for(lambda s: s["config"]["networkShape"] == [3] and s["config"]["activations"] == ["relu"], 20, "the new hash to apply")
    model = export()["playground"]
    b.seen["hashChange"] = {k: model[k] for k in ["networkShape", "activations", "learningRate", "dataset"]}
    b.check(model["networkShape"] == [3] and model["activations"] == ["relu"] and model["dataset"] == "xor",
            f"after a hash change Export returns {b.seen['hashChange']}")


def weight_editor():
    fresh("#networkShape=2")
    link = d.find_element("css selector", "#network svg path")
    # Weights are Float values (a JSON frame's as their shortest decimal, a binary frame's exactly): compared as Floats.
    before = b.js("return Math.fround(window.playground.frame.network.layers[0].weights[0][0])")
    b.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: 300, clientY: 300}))", link)
    box, field = d.find_element("id", "editor"), d.find_element("css selector", "#editor input")
    refused = {}
    for junk in ["", "-", "abc", "1e999", "1,5"]:
        field.clear()
        field.send_keys(junk)
        d.find_element("css selector", "#editor button").click()
        time.sleep(0.3)
        refused[junk] = d.find_element("css selector", "#editor .editor-error").text
        b.check(box.is_displayed() and refused[junk], f"the weight editor accepted {junk!r}")
    b.seen["editorRefused"] = refused
    after = b.js("return Math.fround(window.playground.frame.network.layers[0].weights[0][0])")
    b.check(after == before, f"junk changed the weight from {before} to {after}")
    field.clear()
    field.send_keys("0.75")
    d.find_element("css selector", "#editor button").click()
    b.wait_for(lambda s: b.js("return window.playground.frame.network.layers[0].weights[0][0]") == 0.75, 10, "a valid weight to be set")


def csv_warnings():
    rows = [f"{(i % 20) / 4 - 2.5},{(i // 20) / 4 - 2.5},{i % 2}" for i in range(400)]
    for name, extra, expected in [("typo.csv", "1.0,1.0,7", "a typo in the labels"), ("outlier.csv", "900,2,1", "far from the rest")]:
        fresh()
        d.find_element("css selector", "details.own").click()
        d.find_element("id", "csv").send_keys(write(name, "\n".join(rows + [extra]) + "\n"))
        state = b.wait_for(lambda s: expected in s["banner"], 20, f"the warning about {name}")
        listed = d.find_element("id", "pointsWarnings").text
        b.seen[name] = state["banner"][:200]
        b.check(expected in listed, f"{name}: the warning is not listed under Your own data: {listed!r}")


def preset_note():
    fresh()
    Select(d.find_element("id", "preset")).select_by_value("relu-sparsity")
    b.wait_for(lambda s: s["config"]["optimizer"] == "adam", 20, "the preset to load")
    b.check(d.find_element("id", "presetNote").is_displayed(), "the preset's note is not shown")
    Select(d.find_element("id", "learningRate")).select_by_value("0.3")
    b.wait_for(lambda s: s["config"]["learningRate"] == 0.3, 20, "the learning rate to change")
    note, name = d.find_element("id", "presetNote").is_displayed(), d.find_element("id", "preset").get_attribute("value")
    b.seen["presetAfterChange"] = {"noteShown": note, "preset": name}
    b.check(not note and name == "", f"the preset's name and note stay after moving away: {b.seen['presetAfterChange']}")


def play_then_pause():
    """Play, then Pause one second later, twice: each click shows at once, the server confirms it, and
    the run ends paused (it used to keep playing on stale frames). A small network, so that a debug
    build keeps up; Scripts/playground/frames-playground times Pause on the largest preset in a release build."""
    fresh("#dataset=spiral&networkShape=6,4")
    click = "const p = document.getElementById('play'); p.click(); return p.getAttribute('aria-label')"
    for attempt in range(2):
        shown_playing = b.js(click)  # the label right after the click's handler: Pause means playing
        b.wait_for(lambda s: s["playing"] and s["epoch"] > 0, 30, f"training to start (try {attempt + 1})")
        time.sleep(1)
        shown_paused = b.js(click)
        b.wait_for(lambda s: not s["playing"], 30, f"the server's paused frame (try {attempt + 1})")
        time.sleep(1)  # the epoch running at the click may still finish
        paused = b.state()
        time.sleep(1)
        later = b.state()
        label = b.js("return document.getElementById('play').getAttribute('aria-label')")
        server = b.js("return fetch(`/api/sessions/${window.playground.id}`).then(r => r.json()).then(f => f.playing)")
        b.seen[f"playThenPause{attempt + 1}"] = {"afterPlay": shown_playing, "afterPause": shown_paused, "label": label,
                                                 "server": server, "epochs": [paused["epoch"], later["epoch"]]}
        b.check(shown_playing == "Pause" and shown_paused == "Play", f"try {attempt + 1}: a click does not show at once: "
                f"after Play the button offers {shown_playing!r}, after Pause {shown_paused!r}")
        b.check(label == "Play" and server is False and not later["playing"] and later["epoch"] == paused["epoch"],
                f"try {attempt + 1}: Play then Pause 1 s later did not end paused: {b.seen[f'playThenPause{attempt + 1}']}")


def classroom():
    fresh("#activation=relu")
    own = b.js("return location.hash")
    for name in ["learningRate", "activation", "preset"]:
        d.find_element("css selector", f"#hideList input[name='{name}']").click()
    b.check(b.js("return location.hash") == own, "unticking classroom boxes rewrote the teacher's address")
    link = d.find_element("id", "shareLink").get_attribute("value")
    b.seen["classroomLink"] = link[-90:]
    b.check("learningRate_hide=true" in link and "activation_hide=true" in link, f"the classroom link lacks the hide flags: {link}")
    d.switch_to.new_window("tab")
    d.get(link)
    b.wait_for(lambda s: s["epoch"] == 0 and s["config"] is not None, 30, "the student's page")
    shown = b.js("""return Object.fromEntries(['learningRate', 'classroom', 'runPanel', 'cardPanel', 'activationAll', 'play', 'noise']
        .map(id => [id, document.getElementById(id).getClientRects().length > 0]))""")
    shown["layerMenus"] = b.js("return [...document.querySelectorAll('.layer-act')].some(e => e.getClientRects().length > 0)")
    b.seen["student"] = shown
    hidden = ["learningRate", "classroom", "runPanel", "cardPanel", "activationAll", "layerMenus"]
    b.check(not any(shown[k] for k in hidden) and shown["play"] and shown["noise"], f"the student sees other than the teacher chose: {shown}")
    text = b.js("return document.body.innerText")
    b.check("ReLU" not in text and "relu" not in text, "the student's page names the hidden activation")
    # Nor does the address, where a student looks first; the link still sets the activation.
    for address in [link, b.js("return location.hash")]:
        b.check("relu" not in address.lower(), f"the student's address names the hidden activation: {address}")
    b.check(b.state()["config"]["activations"] == ["relu"], f"the student's page lost the activation: {b.state()['config']}")
    d.close()
    d.switch_to.window(d.window_handles[0])


def uploads_survive_the_next_change():
    """An upload or an import changes the setup on the server (the dataset becomes `custom`; the model's
    network comes in). The page took a frame's setup only while none of its requests was in flight, and the
    frame with the new setup came while the upload's was: the controls and the address kept the old setup,
    and the next change (the learning rate here) sent it back, dropping the upload or the model. Three
    rounds each: the order of the frame and the answer varies."""
    rows = [f"{(i % 20) / 4 - 2.5},{(i // 20) / 4 - 2.5},{i % 2}" for i in range(200)]
    csv = write("upload.csv", "\n".join(rows) + "\n")
    for round in range(3):
        fresh()
        d.find_element("css selector", "details.own").click()
        d.find_element("id", "csv").send_keys(csv)
        b.wait_for(lambda s: "Loaded upload.csv" in s["banner"], 20, "the upload")
        # The page's own setup, in its address (the state's config is the last frame's): it stayed `circle`.
        b.wait_for(lambda s: address_value("dataset") == "custom", 10, f"round {round}: the page to take up the upload's dataset")
        page = address_value("dataset")
        note = d.find_element("id", "pointsNote").text
        Select(d.find_element("id", "learningRate")).select_by_value("0.3")
        b.wait_for(lambda s: s["config"]["learningRate"] == 0.3, 10, "the learning-rate change")
        server = export()["playground"]
        b.seen[f"upload{round}"] = {"page": page, "server": server["dataset"], "note": note[:80]}
        b.check(page == "custom" and server["dataset"] == "custom",
                f"round {round}: after an upload the page shows dataset {page!r}, and after the next change the server has {server['dataset']!r}")
        b.check("not in the link" in note, f"round {round}: the note under Your own data does not say the upload is not in the link: {note!r}")
    # An upload on a page whose session the server lost goes to the new session (api() retries it there),
    # and the page takes up its dataset too. (A retried answer was not counted, which dropped a frame that
    # came while the retry was in flight; here the frame came after it, before and after that fix alike.)
    fresh()
    first = b.js("return window.playground.id")
    b.js("return fetch('/api/sessions/' + window.playground.id, {method: 'DELETE'}).then(r => r.status)")
    d.find_element("css selector", "details.own").click()
    d.find_element("id", "csv").send_keys(csv)
    b.wait_for(lambda s: "session had ended" in s["banner"] or "Loaded upload.csv" in s["banner"], 20, "the upload on a lost session")
    b.wait_for(lambda s: address_value("dataset") == "custom", 10, "the page to take up the retried upload's dataset")
    b.seen["uploadOnLostSession"] = {"newSession": b.js("return window.playground.id") != first, "page": address_value("dataset"),
                                     "server": export()["playground"]["dataset"]}
    b.check(b.seen["uploadOnLostSession"] == {"newSession": True, "page": "custom", "server": "custom"},
            f"an upload on a lost session: {b.seen['uploadOnLostSession']}")
    fresh("#networkShape=3,3,3&activation=relu")
    saved = export()
    model = write("imported.json", json.dumps(saved))
    for round in range(3):
        fresh()
        d.find_element("id", "import").send_keys(model)
        b.wait_for(lambda s: "Imported" in s["banner"], 20, "the import")
        b.wait_for(lambda s: address_value("networkShape") == "3,3,3", 10, f"round {round}: the page to take up the imported model's setup")
        page = {"networkShape": address_value("networkShape"), "activation": address_value("activation")}
        Select(d.find_element("id", "learningRate")).select_by_value("0.3")
        b.wait_for(lambda s: s["config"]["learningRate"] == 0.3, 10, "the learning-rate change")
        server = export()["playground"]
        b.seen[f"import{round}"] = {"page": page, "server": server["networkShape"]}
        b.check(page == {"networkShape": "3,3,3", "activation": "relu"}, f"round {round}: after an import the page shows {page}")
        b.check(server["networkShape"] == [3, 3, 3] and server["activations"] == ["relu"],
                f"round {round}: the change after an import replaced the model: {server['networkShape']} {server['activations']}")


def change_while_an_upload_is_in_flight():
    """A control changed while an upload or an import is still on its way: the change went out at once with
    the old dataset or network, and when it reached the server after the upload, the upload was gone. The
    page's requests are held back 300 ms here (an upload takes that long over a slow link), so that the
    change is made while the upload is in flight and would arrive after it."""
    rows = [f"{(i % 20) / 4 - 2.5},{(i // 20) / 4 - 2.5},{i % 2}" for i in range(200)]
    csv = write("inflight.csv", "\n".join(rows) + "\n")
    fresh("#networkShape=3,3,3&activation=relu")
    model = write("inflight.json", json.dumps(export()))
    slow = """const original = window.fetch;
        window.fetch = (url, options) => options && options.method !== 'GET' && /\\/(csv|model|config)\\b/.test(url)
          ? new Promise(resolve => setTimeout(resolve, 300)).then(() => original(url, options)) : original(url, options);"""
    for what, field, path, expected in [("upload", "csv", csv, ("dataset", "custom")), ("import", "import", model, ("networkShape", [3, 3, 3]))]:
        fresh()
        b.wait_for(lambda s: s["config"] is not None, 30, "the first frame")
        b.js(slow)
        if what == "upload":
            d.find_element("css selector", "details.own").click()
        d.find_element("id", field).send_keys(path)
        Select(d.find_element("id", "learningRate")).select_by_value("0.3")
        key, value = expected
        state = b.wait_for(lambda s: s["config"]["learningRate"] == 0.3 and s["config"][key] == value, 20,
                           f"the {what} and the learning-rate change made while it was in flight")
        time.sleep(0.8)  # anything still held back has arrived
        server = export()["playground"]
        b.seen[f"changeDuring {what}"] = {key: server[key], "learningRate": server["learningRate"], "page": address_value("learningRate")}
        b.check(server[key] == value and server["learningRate"] == 0.3 and address_value("learningRate") == "0.3",
                f"a change made while the {what} was in flight: the server has {key}={server[key]}, learningRate={server['learningRate']}")


def change_while_an_upload_waits_its_turn():
    """An upload waits for the changes already in flight; a change made while it waits must wait for the
    upload in turn. It went out at once, with the old dataset, and when it reached the server after the
    upload, the upload was gone. Here the first change and the upload are held back 300 ms and every later
    change 900 ms, so that a change sent too early would arrive after the upload."""
    rows = [f"{(i % 20) / 4 - 2.5},{(i // 20) / 4 - 2.5},{(i // 7) % 2}" for i in range(200)]
    csv = write("waiting.csv", "\n".join(rows) + "\n")
    fresh()
    b.wait_for(lambda s: s["config"] is not None, 30, "the first frame")
    b.js("""const original = window.fetch; let changes = 0;
        window.fetch = (url, options) => {
          if (!options || options.method === 'GET' || !/\\/(csv|config)\\b/.test(url)) return original(url, options);
          const hold = /\\/config\\b/.test(url) && changes++ > 0 ? 900 : 300;
          return new Promise(resolve => setTimeout(resolve, hold)).then(() => original(url, options));
        };""")
    d.find_element("css selector", "details.own").click()
    Select(d.find_element("id", "optimizer")).select_by_value("adam")
    d.find_element("id", "csv").send_keys(csv)
    Select(d.find_element("id", "learningRate")).select_by_value("0.3")
    b.wait_for(lambda s: s["config"]["dataset"] == "custom" and s["config"]["learningRate"] == 0.3 and s["config"]["optimizer"] == "adam",
               20, "the change before the upload, the upload, and the change made while it waited")
    time.sleep(1.5)  # anything still held back has arrived
    server = export()["playground"]
    b.seen["changeWhileWaiting"] = {k: server[k] for k in ["dataset", "learningRate", "optimizer"]}
    b.check(server["dataset"] == "custom" and server["learningRate"] == 0.3 and server["optimizer"] == "adam",
            f"a change made while an upload waited for an earlier change: the server has {b.seen['changeWhileWaiting']}")


PLUS = "document.querySelector(\"button[aria-label='Add a neuron to layer 1']\").click()"


def hold_setup_requests(upload_ms, change_ms):
    """Holds the page's uploads back `upload_ms` and its setup changes `change_ms`, as a slow link would."""
    b.js("""const [upload, change] = arguments, original = window.fetch;
        window.fetch = (url, options) => {
          if (!options || options.method === 'GET' || !/\\/(csv|config)\\b/.test(url)) return original(url, options);
          const hold = /\\/csv\\b/.test(url) ? upload : change;
          return new Promise(resolve => setTimeout(resolve, hold)).then(() => original(url, options));
        };""", upload_ms, change_ms)


def changes_and_uploads_keep_their_order():
    """An upload on its way, a change, another upload: the change waited for whichever upload was queued
    last, went after the second one and undid it (dataset=xor over the upload). And two clicks on a layer's
    + around an upload's answer: the second counted from the upload's setup, without the first, still
    waiting its turn (5 neurons, not 6). Uploads are held back 600 ms here and setup changes 900 ms."""
    first = write("first.csv", "\n".join(f"{(i % 20) / 4 - 2.5},{(i // 20) / 4 - 2.5},{(i // 3) % 2}" for i in range(200)) + "\n")
    second = write("second.csv", "\n".join(f"{(i % 12) / 3 - 2},{(i // 12) / 3 - 2},{(i // 5) % 2}" for i in range(120)) + "\n")
    fresh()
    b.wait_for(lambda s: s["config"] is not None, 30, "the first frame")
    hold_setup_requests(upload_ms=600, change_ms=900)
    d.find_element("css selector", "details.own").click()
    d.find_element("id", "csv").send_keys(first)
    time.sleep(0.2)  # the first upload is on its way
    b.js("[...document.querySelectorAll('#datasets button')].find(b => b.textContent.trim() === 'xor').click()")
    b.js(PLUS)
    time.sleep(0.9)  # the first upload is answered; the change to xor is on its way, the first + waits
    b.js(PLUS)
    d.find_element("id", "csv").send_keys(second)
    b.wait_for(lambda s: s["config"]["dataset"] == "custom" and s["config"]["networkShape"] == [6, 2], 30,
               "the second upload and the two added neurons")
    time.sleep(3)  # anything still held back has arrived
    model = export()
    server = {"dataset": model["playground"]["dataset"], "networkShape": model["playground"]["networkShape"],
              "points": len((model.get("uploadedPoints") or {}).get("rows", []))}
    b.seen["orderOfTurns"] = server
    b.check(server == {"dataset": "custom", "networkShape": [6, 2], "points": 120},
            f"an upload, a change and another upload: the server has {server}")


def three_clicks_around_an_upload():
    """Three clicks on a layer's +: two while an upload is on its way, one after its answer while the first
    is being sent. The first, sent over the page's setup, took back the second from view, and the third
    counted from there: 6 neurons for three clicks on 4. Uploads are held back 600 ms, changes 900 ms."""
    csv = write("three.csv", "\n".join(f"{(i % 20) / 4 - 2.5},{(i // 20) / 4 - 2.5},{(i // 3) % 2}" for i in range(200)) + "\n")
    fresh()
    b.wait_for(lambda s: s["config"] is not None, 30, "the first frame")
    hold_setup_requests(upload_ms=600, change_ms=900)
    d.find_element("css selector", "details.own").click()
    d.find_element("id", "csv").send_keys(csv)
    time.sleep(0.2)
    b.js(PLUS)
    b.js(PLUS)
    time.sleep(0.9)  # the upload is answered; the first + is on its way
    b.js(PLUS)
    b.wait_for(lambda s: s["config"]["dataset"] == "custom" and s["config"]["networkShape"] == [7, 2], 30,
               "the upload and three added neurons")
    time.sleep(1)
    server = export()["playground"]
    b.seen["threeClicks"] = {"dataset": server["dataset"], "networkShape": server["networkShape"]}
    b.check(b.seen["threeClicks"] == {"dataset": "custom", "networkShape": [7, 2]},
            f"three clicks on + around an upload: the server has {b.seen['threeClicks']}")


def quick_changes_keep_their_order():
    """Two quick changes: both went out at once, each with the whole setup, and when the first arrived
    last (held back 900 ms here) it undid the second (the optimiser went back to sgd)."""
    fresh()
    b.wait_for(lambda s: s["config"] is not None, 30, "the first frame")
    b.js("""const original = window.fetch; let changes = 0;
        window.fetch = (url, options) => options && options.method === 'PUT' && changes++ === 0
          ? new Promise(resolve => setTimeout(resolve, 900)).then(() => original(url, options)) : original(url, options);""")
    Select(d.find_element("id", "learningRate")).select_by_value("0.3")
    Select(d.find_element("id", "optimizer")).select_by_value("adam")
    b.wait_for(lambda s: s["config"]["learningRate"] == 0.3 and s["config"]["optimizer"] == "adam", 20, "both changes")
    time.sleep(1.5)
    server = export()["playground"]
    b.seen["quickChanges"] = {"learningRate": server["learningRate"], "optimizer": server["optimizer"]}
    b.check(b.seen["quickChanges"] == {"learningRate": 0.3, "optimizer": "adam"}, f"two quick changes: the server has {b.seen['quickChanges']}")


def card_parameter_box():
    """The activation card's parameter box: a blank or junk entry (a number box gives '' for both) was sent
    as 0 without a word; now the banner asks for a number and the layer keeps its value."""
    fresh("#activation=leaky-relu")
    b.wait_for(lambda s: s["config"] is not None, 30, "the first frame")
    b.wait_for(lambda s: b.js("return document.querySelectorAll('#cardParams input').length") > 0, 20, "the card's parameter box")
    enter = "const i = document.querySelector('#cardParams input'); i.value = arguments[0]; i.dispatchEvent(new Event('change'));"
    b.js(enter, "0.2")
    b.wait_for(lambda s: s["config"]["activationParameters"].get("0", {}).get("slope") == 0.2, 20, "slope 0.2 taken")
    b.js(enter, "")
    state = b.wait_for(lambda s: "type a number" in s["banner"], 20, "the banner about the blank box")
    time.sleep(0.5)
    server = export()["playground"]
    box = b.js("return document.querySelector('#cardParams input').value")
    b.seen["cardParameter"] = {"banner": state["banner"][:120], "box": box, "server": server["activationParameters"]}
    b.check(server["activationParameters"].get("0", {}).get("slope") == 0.2 and box == "0.2" and "keeps 0.2" in state["banner"],
            f"a blank parameter box: {b.seen['cardParameter']}")


def pasted_link_with_a_refused_value():
    """A link pasted into an open tab with one value the playground does not take keeps its other keys, as
    the same link opened in a new tab does (the open tab fell back to its old setup, all of it)."""
    fresh()
    b.js("location.hash = '#activation=relu&dataset=xor&networkShape=' + Array(10).fill(3).join(',') + '&noise=15'")
    # The banner comes with the server's answer; the frame with the new setup follows it.
    state = b.wait_for(lambda s: "networkShape" in s["banner"] and s["config"]["dataset"] == "xor", 20,
                       "the banner about the refused layers and the frame of the new setup")
    b.seen["pastedRefused"] = {"banner": state["banner"][:160], "config": {k: state["config"][k] for k in ["dataset", "networkShape", "noise", "activations"]}}
    config = state["config"]
    b.check(config["networkShape"] == [3] * 8 and config["dataset"] == "xor" and config["noise"] == 15 and config["activations"] == ["relu"],
            f"a pasted link with 10 layers lost its other keys: {b.seen['pastedRefused']['config']}")
    page = {k: address_value(k) for k in ["networkShape", "dataset", "noise", "activation"]}
    b.check(page == {"networkShape": ",".join(["3"] * 8), "dataset": "xor", "noise": "15", "activation": "relu"},
            f"the page's address after a pasted link with 10 layers: {page}")
    server = export()["playground"]
    b.check(server["networkShape"] == [3] * 8 and server["dataset"] == "xor", f"the server has {server['networkShape']} {server['dataset']}")


def session_status(sid):
    """The HTTP status of GET /api/sessions/<sid>, asked from outside the browser."""
    try:
        with urllib.request.urlopen(f"{url}api/sessions/{sid}", timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def reload_closes_session():
    """Reloading or leaving the page deletes its session at once (it trained on until the 10-minute idle
    timeout, and ten reloads filled the session slots)."""
    fresh("#dataset=spiral&networkShape=6,4")
    d.find_element("id", "play").click()
    b.wait_for(lambda s: s["playing"] and s["epoch"] > 0, 30, "training to start")
    first = b.js("return window.playground.id")
    d.refresh()
    b.wait_for(lambda s: s["config"] is not None, 30, "the reloaded page's first frame")
    second = b.js("return window.playground.id")
    time.sleep(0.5)
    statuses = {"reloaded": session_status(first), "new": session_status(second)}
    d.get("about:blank")
    time.sleep(0.5)
    statuses["left"] = session_status(second)
    b.seen["sessionsAfterReload"] = statuses
    b.check(statuses == {"reloaded": 404, "new": 200, "left": 404},
            f"the page's session is not closed when the page goes (404 expected for the old ones): {statuses}")


def restored_page_makes_one_session():
    """A page restored from the back/forward cache makes one new session, even when it is clicked at once:
    the Play click, made for the closed session, made a second session beside the restored page's (one
    orphan training on). The cache's events are dispatched by hand, as headless Chromium keeps no cache."""
    fresh("#dataset=xor&networkShape=4")
    b.js("""window.sessionsMade = 0;
            const fetchOnce = window.fetch;
            window.fetch = (url, options) => {
                if (url === '/api/sessions' && options && options.method === 'POST') window.sessionsMade++;
                return fetchOnce(url, options);
            };
            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
            window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
            document.getElementById('play').click();""")
    state = b.wait_for(lambda s: s["playing"] and s["epoch"] > 0, 30, "the restored page to play its new session")
    time.sleep(1)
    made, sid = b.js("return window.sessionsMade"), b.js("return window.playground.id")
    b.seen["restoredPage"] = {"sessionsMade": made, "playing": state["playing"], "banner": state["banner"][:120]}
    b.check(made == 1, f"a restored page clicked at once made {made} sessions, not 1")
    b.check(state["banner"] == "", f"the click on the restored page showed an error: {state['banner']!r}")
    b.check(session_status(sid) == 200, "the restored page's session is not the one the server has")


def lost_session_takes_the_click():
    """A click on a page whose session the server no longer has (closed, or idle too long) goes to the new
    session the page makes, with the page's setup and its clicked points: Play plays (the page made the new
    session and asked the user to click again)."""
    fresh("#dataset=xor&networkShape=5")
    b.js("""const first = window.playground.id;
            return fetch('/api/sessions/' + first + '/points', {method: 'POST', headers: {'Content-Type': 'application/json'},
                         body: JSON.stringify({x1: 1.5, x2: -2.5, label: 1})}).then(r => r.status)""")
    b.wait_for(lambda s: len(b.js("return window.playground.added || []")) == 1, 20, "the clicked point")
    first = b.js("return window.playground.id")
    b.js("""return fetch('/api/sessions/' + window.playground.id, {method: 'DELETE'})
                .then(() => document.getElementById('play').click())""")
    state = b.wait_for(lambda s: s["playing"] and s["epoch"] > 0, 30, "the click to play the new session")
    sid = b.js("return window.playground.id")
    added = b.js("return window.playground.added || []")
    b.seen["lostSession"] = {"banner": state["banner"][:160], "newSession": sid != first, "added": added}
    b.check(sid != first and session_status(sid) == 200, "the page did not move to a new session")
    b.check(len(added) == 1, f"the new session does not hold the page's one clicked point: {added}")
    b.check("please do that again" not in state["banner"], f"the click was dropped: {state['banner']!r}")


def link_with_a_refused_value():
    """A TensorFlow Playground link with 10 hidden layers (we take 8) keeps its other keys and its classroom
    hide flags; the layers are cut to 8 and the banner says so (the whole setup and the flags were dropped)."""
    hash = "#dataset=spiral&activation=relu&networkShape=8,8,8,8,8,8,8,8,8,8&learningRate=0.01&noise_hide=true&learningRate_hide=true"
    fresh(hash)
    state = b.wait_for(lambda s: "networkShape" in s["banner"], 20, "the banner about the refused layers")
    config, address = state["config"], b.js("return location.hash")
    shown = b.js("return Object.fromEntries(['noise', 'learningRate'].map(id => [id, document.getElementById(id).getClientRects().length > 0]))")
    b.seen["refusedLink"] = {"banner": state["banner"][:200], "shape": config["networkShape"], "shown": shown}
    b.check(config["networkShape"] == [8] * 8 and config["dataset"] == "spiral" and config["activations"] == ["relu"]
            and config["learningRate"] == 0.01, f"the link's other keys were not kept: {config}")
    b.check("noise_hide=true" in address and "learningRate_hide=true" in address, f"the hide flags left the address: {address}")
    b.check(not shown["noise"] and not shown["learningRate"], f"the hidden controls show: {shown}")
    b.check("8 hidden layers" in state["banner"], f"the banner does not say what was changed: {state['banner']!r}")
    fresh("#dataset=xor&noise=80&batchSize=3&batchSize_hide=true")
    state = b.wait_for(lambda s: "noise" in s["banner"], 20, "the banner about the refused noise")
    b.seen["refusedNoise"] = state["banner"][:200]
    b.check(state["config"]["noise"] == 0 and state["config"]["dataset"] == "xor" and state["config"]["batchSize"] == 3
            and "batchSize_hide=true" in b.js("return location.hash"), f"noise=80 lost other keys: {state['config']}")
    fresh("#dataset=xor&optimizer=foo&activation=nope&learningRate=0.1&learningRate_hide=true")
    state = b.wait_for(lambda s: "optimizer" in s["banner"] and "activation" in s["banner"], 20, "the banner about two refused keys")
    b.seen["refusedTwo"] = state["banner"][:300]
    b.check(state["config"]["optimizer"] == "sgd" and state["config"]["activations"] == ["tanh"] and state["config"]["dataset"] == "xor"
            and state["config"]["learningRate"] == 0.1 and "learningRate_hide=true" in b.js("return location.hash"),
            f"two refused keys lost others: {state['config']}")
    # A classroom link whose coded activation was cut short says so (it trained tanh without a word), in a
    # new tab and pasted into an open one; the rest of the link is kept.
    for how in ["opened", "pasted"]:
        corrupt = "#activationCode=eyJhY3Rpdm&dataset=xor&activation_hide=true&noise=10"
        if how == "opened":
            fresh(corrupt)
        else:
            fresh("#dataset=circle")
            b.wait_for(lambda s: s["config"] is not None, 30, "the first frame")
            b.js("location.hash = arguments[0]", corrupt)
        state = b.wait_for(lambda s: "activationCode" in s["banner"] and s["config"] and s["config"]["dataset"] == "xor", 20,
                           f"the banner about the unreadable activationCode ({how})")
        b.seen["corruptCode " + how] = state["banner"][:200]
        b.check("could not be read" in state["banner"] and state["config"]["noise"] == 10,
                f"a {how} link with a corrupt activationCode: {state['banner']!r} {state['config']}")
    # Numbers JavaScript reads but no one writes on purpose: 0x10 was 16, an empty value 0, both silently.
    fresh("#dataset=xor&learningRate=0x1&noise=&activation=leaky-relu&params=0:slope=0x10&networkShape=3,0x2")
    state = b.wait_for(lambda s: "learningRate" in s["banner"] and s["config"] and s["config"]["dataset"] == "xor", 20,
                       "the banner about the numbers in hexadecimal")
    b.seen["hexadecimalLink"] = state["banner"][:400]
    config = state["config"]
    b.check(all(f"{key}:" in state["banner"] for key in ["learningRate", "noise", "params", "networkShape"])
            and config["learningRate"] == 0.03 and config["noise"] == 0 and config["networkShape"] == [4, 2]
            and config["activationParameters"].get("0", {}).get("slope") is None and config["activations"] == ["leaky-relu"],
            f"a link with numbers in hexadecimal: {state['banner']!r} {config}")


def frames_over_the_socket():
    """The page takes its frames over one WebSocket per session (`window.playground.frameTransport`), not
    one HTTP request each; when the socket closes mid-run, or the server refuses it, it pulls by HTTP and
    keeps drawing."""
    fresh("#dataset=spiral&networkShape=6,4")
    d.find_element("id", "play").click()
    b.wait_for(lambda s: s["playing"] and s["epoch"] > 0, 30, "training to start")
    over_socket = b.js("return window.playground.frameTransport")
    # The page's next request closes its socket instead of going out (the socket's end, as a proxy or a
    # restarted server would end it).
    b.js("""const send = WebSocket.prototype.send;
            WebSocket.prototype.send = function () { WebSocket.prototype.send = send; this.close(); };""")
    b.wait_for(lambda s: b.js("return window.playground.frameTransport") == "http", 30, "the page to pull by HTTP")
    before = b.state()["epoch"]
    after = b.wait_for(lambda s: s["epoch"] > before + 5, 30, "frames after the socket closed")
    b.seen["frameTransport"] = {"playing": over_socket, "afterClose": b.js("return window.playground.frameTransport"),
                                "epochs": [before, after["epoch"]]}
    b.check(over_socket == "socket", f"the page took its frames by {over_socket!r}, not over its socket")
    b.check(after["epoch"] > before + 5, f"the page stopped drawing when its socket closed: {b.seen['frameTransport']}")
    d.find_element("id", "play").click()
    # A socket the server refuses (here a path it has no socket at, 404): the new session's page pulls by
    # HTTP from the start. (A new session as a page restored from the back/forward cache makes one.)
    first_session = b.js("return window.playground.id")
    b.js("""window.WebSocket = class extends WebSocket {
                constructor(address, protocols) { super(address.replace(/\/socket$/, '/nosocket'), protocols); }
            };
            window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
            window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));""")
    b.wait_for(lambda s: b.js("return window.playground.frameTransport") == "http", 30, "the page to pull by HTTP when its socket is refused")
    d.find_element("id", "play").click()
    started = b.wait_for(lambda s: s["playing"] and s["epoch"] > 5, 30, "frames by HTTP when the socket is refused")
    refused = b.js("return window.playground.frameTransport")
    new_session = b.js("return window.playground.id") != first_session
    b.seen["frameTransport"]["refused"] = {"transport": refused, "epoch": started["epoch"], "newSession": new_session}
    b.check(new_session and refused == "http" and started["playing"] and started["epoch"] > 5,
            f"the page did not draw by HTTP when its socket was refused: {b.seen['frameTransport']}")
    d.find_element("id", "play").click()


def collapse_panel_on_demand():
    """The server builds the linear collapse's maps only while its panel is on screen: frames drawn with
    the panel out of view carry none; scrolled into view while paused, the panel is drawn at once (the
    page asks for them, and the server answers though nothing else changed)."""
    fresh("#activation=identity&networkShape=3,2")
    b.js("window.scrollTo(0, 0)")
    d.find_element("id", "play").click()
    b.wait_for(lambda s: s["playing"] and s["epoch"] > 20, 30, "training to start")
    d.find_element("id", "play").click()
    paused = b.wait_for(lambda s: not s["playing"], 10, "the pause")
    hidden = b.js("return window.playground.frame.collapse.output === undefined")
    b.js("document.getElementById('collapsePanel').scrollIntoView()")
    shown = lambda: b.js("""const f = window.playground.frame;
        return !!f.collapse.output && document.getElementById('collapseText').textContent.includes('largest difference')""")
    deadline = time.time() + 10
    while not shown() and time.time() < deadline:
        time.sleep(0.1)
    drawn = shown()
    b.seen["collapseOnDemand"] = {"mapsWhileHidden": not hidden, "drawnWhenShown": drawn,
                                  "epochs": [paused["epoch"], b.state()["epoch"]]}
    b.check(hidden, "a frame drawn with the collapse panel out of view carried its maps")
    b.check(drawn and b.state()["epoch"] == paused["epoch"],
            f"the collapse panel scrolled into view while paused was not drawn: {b.seen['collapseOnDemand']}")
    b.js("window.scrollTo(0, 0)")


checks = [uploads_survive_the_next_change, change_while_an_upload_is_in_flight, change_while_an_upload_waits_its_turn, changes_and_uploads_keep_their_order, three_clicks_around_an_upload, quick_changes_keep_their_order, card_parameter_box, pasted_link_with_a_refused_value, collapse_panel_on_demand, frames_over_the_socket, lost_session_takes_the_click, link_with_a_refused_value, reload_closes_session, restored_page_makes_one_session, epoch_zero_loss, import_round_trip, diverging_run, hash_change, weight_editor, csv_warnings, preset_note,
          play_then_pause, classroom]
sys.exit(b.run(checks))
