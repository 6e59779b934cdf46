// The playground page: one session per tab, controls that change it, and frames streamed from it.
import { byteGrid, gridPixels, classPixels, paint, putPixels, drawPoints, CLASS_COLOURS, ORANGE, BLUE, css, fixed, num } from './draw.js';
import { followPointer } from './charts.js';
import { openEditor } from './editor.js';
import { FramePuller, decodeJSONFrame } from './frames.js';
import { activationGroups, activationOptions, displayName } from './menus.js';
import { OWN_OPTION, ownOptions, formulaLabel, formulaURL, FormulaField } from './formula.js';
import { NetworkView } from './network.js';
import { cssSize, isOnScreen, onLayoutChange, setHTML, setText } from './render.js';
import { drawLoss, drawGradients, drawHealth, drawCard, drawCollapse, fmtSci } from './panels.js';
import { parseHash, toHash, defaultConfig, canonicalJSON, decimal, LEARNING_RATES, REG_RATES, layerActivations, compactActivations, isFormula } from './state.js';
import { pointsNote, applyHiddenControls, buildClassroom, showShareLink, wireTheme } from './sharing.js';

const $ = id => document.getElementById(id);
let { config, view, points: linkPoints, unread: linkUnread } = parseHash(location.hash);
const S = { linkPoints, linkUnread, id: null, frame: null, decoded: null, records: [], run: -1, points: null, added: [], hovered: null, pending: 0,
  activations: [], catalog: {}, menu: { options: '', name: id => id }, datasets: [], presets: [], curves: {}, addClass: null, drawTimes: [], frameBytes: [], lastPause: null, cardLayer: 0,
  lossHover: null, gradHover: null, intent: null, drawScheduled: false, drawCount: 0, framesReceived: 0, starting: null, answered: 0, heldSetup: null };
window.playground = S;  // for the browser test and the curious

// ---- server calls -------------------------------------------------------------------------------

async function api(method, path, body, type = 'application/json', retried = false) {
  S.pending++;
  let answered = false;
  try {
    const res = await fetch(path, { method, headers: method === 'GET' ? {} : { 'Content-Type': type },  // the server refuses other types
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body) });  // text (a file) goes as it is
    const text = await res.text();
    const json = text ? (() => { try { return JSON.parse(text); } catch { return null; } })() : null;
    const session = path.match(/^\/api\/sessions\/([^/?]+)/);
    if (res.ok && json && Number.isInteger(json.version) && session && session[1] === S.id) S.answered = Math.max(S.answered, json.version);
    if (!res.ok) {
      const message = json && json.error ? json.error.message : `${res.status} ${res.statusText}`;
      const gone = res.status === 404 && /no session/.test(message) && path.match(/^\/api\/sessions\/([^/?]+)(.*)$/);
      if (gone && S.id && gone[1] === S.id) {
        // This page's session is lost (closed, or idle too long): a new one, made from the page's setup
        // and its points, and the click that found it gone goes there, so it is not lost (it was, and the
        // user was asked to do it again). A request the session's start already makes is not sent twice.
        await startSession();
        const startMakesIt = method === 'POST' && gone[2] === '/points' && Array.isArray(body);
        if (!S.id || retried || startMakesIt) throw new Error(`This page's session had ended (closed, or idle too long); a new one has started: please do that again.`);
        const answer = await api(method, `/api/sessions/${S.id}${gone[2]}`, body, type, true);
        showBanner(`This page's session had ended (closed, or idle too long): a new one started with the same setup and points, and your last action went to it.`, 'info');
        answered = true;  // by the new session: what it changed is taken up below (an upload's dataset)
        return answer;
      }
      if (gone && !retried) {
        // Built for a session this page no longer holds (a click on a page restored from the back/forward
        // cache, while its new session is being made): it goes to the new one, and starts no other.
        // Such requests go one after another, in the order they were made (Play then Pause ended playing).
        await S.starting;
        if (S.id) {
          const again = () => api(method, `/api/sessions/${S.id}${gone[2]}`, body, type, true);
          const turn = (S.retries || Promise.resolve()).then(again, again);
          S.retries = turn.catch(() => {});
          const answer = await turn;
          answered = true;
          return answer;
        }
      }
      throw new Error(message);
    }
    answered = true;
    return json;
  } finally {
    S.pending--;
    // A frame that came while this was in flight may hold what it changed (an upload's dataset). Not after
    // a refusal: nothing changed, and the caller undoes or mends its own change (a link's refused value).
    if (answered) takeServerConfig();
  }
}

function showBanner(message, kind = 'error') {
  $('bannerText').textContent = forThisPage(message);
  $('banner').className = 'banner ' + kind;
  $('banner').hidden = false;
}
const hideBanner = () => { $('banner').hidden = true; };

/** A server message as this page can act on it: a student's page has no Run panel (a classroom link
 * hides it), so "Raise Max epochs" is advice the student cannot take; the teacher's link set it. */
function forThisPage(message) {
  if (!document.body.classList.contains('student')) return message;
  const reset = $('reset').getClientRects().length > 0;  // the link may hide Reset too
  return message.replace(/Raise Max epochs to continue \(or clear it for no maximum\), or Reset to start over\./,
    `The classroom link sets this maximum${reset ? '; Reset starts over' : ''}.`);
}
const report = e => showBanner(e.message || String(e));

/** Makes this page's session; while one is being made, a second call waits for it instead of making
 *  another (a restored page and a request's 404 both asked for one, and one of the two was orphaned). */
async function startSession() {
  if (S.starting) return S.starting;
  S.starting = createSession().finally(() => { S.starting = null; });
  // The session's points go in after the start is over: a request of the start's own must never wait
  // for the start (a pagehide in between made it wait for itself, and the page hung).
  await addPoints(await S.starting);
}

async function createSession() {
  puller.stop();
  const points = S.added.length ? S.added : S.linkPoints;  // a new session after a lost one keeps the points
  try {
    const { answer: created, changes } = await replacingRefused(() => api('POST', '/api/sessions', config));
    const unread = S.linkUnread;
    S.linkPoints = []; S.linkUnread = [];
    S.id = created.id; S.run = -1; S.records = []; S.answered = created.frame.version; S.heldSetup = null;
    $('export').href = `/api/sessions/${S.id}/model`;
    receive(created.frame, decodeJSONFrame(created.frame));
    puller.start(S.id);
    if (changes.length || unread.length) { writeHash(); showRefused([...unread, ...changes]); }
    return points;
  } catch (e) { report(e); return []; }
}

/** Sends a link's setup (`send` reads `c`, by default the page's `config`). A refused value costs only itself: it is replaced
 * (`replaceRefused`) and the setup sent again, so every other key of the link and its classroom hide
 * flags stay (a fallback to the defaults dropped them all). Returns `send`'s answer and what was
 * replaced, as text; throws the refusal it could not get past, after what it replaced before. */
async function replacingRefused(send, c = config) {
  const changes = [];
  for (let attempt = 0; ; attempt++) {
    try { return { answer: await send(), changes }; }
    catch (e) {
      const key = refusedKey(e.message, c), before = key && JSON.stringify(c);
      const used = key && attempt < 12 ? replaceRefused(key, c) : null;
      if (used === null || JSON.stringify(c) === before) throw changes.length ? new Error(`${changes.join(' ')} ${e.message}`) : e;
      changes.push(`${key}: ${e.message}; using ${used}.`);
      syncControls();
    }
  }
}

const showRefused = changes => showBanner(`Not all of this link could be used as it is: ${changes.join(' ')}`, 'warning');

/** The configuration key a refused setup's message is about (the server names the first it refuses). */
const REFUSED_KEYS = [
  [/hidden layers|neurons/, 'networkShape'], [/give one activation|^layer \d+:/, 'activations'],
  [/^activationParameters/, 'activationParameters'], [/^noise/, 'noise'], [/training percentage/, 'percTrainData'],
  [/batch size/, 'batchSize'], [/learning rate/, 'learningRate'], [/regularisation rate/, 'regularizationRate'],
  [/^classes/, 'classes'], [/input feature/, 'features'], [/maximum epoch/, 'maxEpochs'], [/stop-at-loss/, 'stopLoss'],
  [/epochs per frame/, 'epochsPerFrame'], [/dataset/, 'dataset'],
];
function refusedKey(message, c = config) {
  const known = REFUSED_KEYS.find(([pattern]) => pattern.test(message));
  return known ? known[1] : Object.keys(c).find(k => new RegExp(`\\b${k}\\b`).test(message)) ?? null;
}

/** Replaces the refused `key` of `c` (the page's `config` unless another is given): the hidden layers
 * clamped to the limits (8 layers of at most 16), any other key its default. Returns the value now used,
 * as text. */
function replaceRefused(key, c = config) {
  const defaults = defaultConfig();
  if (key === 'networkShape' && S.limits) {
    const fits = c.networkShape.length <= S.limits.maxLayers && c.networkShape.every(n => n >= 1 && n <= S.limits.maxNeurons);
    c.networkShape = fits ? defaults.networkShape
      : c.networkShape.slice(0, S.limits.maxLayers).map(n => Math.max(1, Math.min(S.limits.maxNeurons, Math.round(n) || 1)));
    c.activations = compactActivations(layerActivations(c));
    return `networkShape=${c.networkShape.join(',')} (${c.networkShape.length} hidden layers)`;
  }
  if (key === 'activations' || key === 'activationParameters') {
    c.activations = defaults.activations; c.activationParameters = {};
    return `activation=${defaults.activations[0]}`;
  }
  if (key === 'dataset') { c.dataset = c.problem === 'regression' ? 'reg-plane' : defaults.dataset; return `dataset=${c.dataset}`; }
  if (!(key in defaults)) return null;
  c[key] = structuredClone(defaults[key]);
  return `${key}=${Array.isArray(c[key]) ? c[key].join(',') : c[key]} (the default)`;
}

/** Deletes this tab's session (the page is going away); `keepalive` lets the request outlive the page. */
function closeSession() {
  if (!S.id) return;
  puller.stop();
  fetch(`/api/sessions/${S.id}`, { method: 'DELETE', keepalive: true }).catch(() => {});
  S.id = null;
}

/** Frames, pulled: every one is taken in (records and points come as deltas), the newest is drawn. */
const puller = new FramePuller((frame, decoded, bytes) => {
  S.frameBytes.push(bytes); if (S.frameBytes.length > 1000) S.frameBytes.shift();
  S.framesReceived++;  // frameBytes keeps the last 1000; this counts them all (the measuring scripts)
  receive(frame, decoded);
}, () => startSession());
// How the frames come: 'socket' (one WebSocket per session) or 'http' (pulls); for the browser test and the curious.
Object.defineProperty(S, 'frameTransport', { get: () => puller.transport });

/** Play or Pause, shown at once; frames older than the server's answer cannot undo it. */
async function togglePlay() {
  const intent = { playing: !shownPlaying(), version: Infinity };
  S.intent = intent; showPlayState();
  try {
    const status = await api('POST', `/api/sessions/${S.id}/${intent.playing ? 'play' : 'pause'}`);
    if (S.intent === intent) intent.version = status.version;  // frames from this version on carry the server's state
    // The confirming frame may have come before this answer (it was taken in, and not drawn if it disagreed).
    if (S.intent === intent && S.frame && S.frame.version >= status.version) { S.intent = null; showPlayState(); scheduleDraw(); }
  } catch (e) { if (S.intent === intent) { S.intent = null; showPlayState(); scheduleDraw(); } report(e); }
}

const shownPlaying = () => S.intent ? S.intent.playing : Boolean(S.frame && S.frame.playing);

function showPlayState() {
  const playing = shownPlaying(), button = $('play');
  if (button.dataset.playing !== String(playing)) {
    button.innerHTML = playing ? PAUSE_ICON : PLAY_ICON;
    button.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    button.classList.toggle('playing', playing);
    button.dataset.playing = String(playing);
  }
  // The rate is written at most twice a second: a text that changes every frame costs every frame a layout.
  const now = performance.now();
  if (!playing || !(now - (S.rateShownAt ?? -1e9) < 500)) { setText($('updateRate'), playing ? `${S.drawTimes.length} updates/s` : 'paused'); S.rateShownAt = now; }
}

const control = (action, query = '') => api('POST', `/api/sessions/${S.id}/${action}${query}`).catch(report);

/** The page's setup changes, uploads and imports go to the server one at a time, in the order they were
 * made: two quick changes sent at once could arrive swapped (and the earlier won), and a change sent while
 * an upload was on its way could land after it and undo it. `tail`: the last turn queued; `waiting`: the
 * edits of the changes not sent yet, laid on whatever setup the page shows, so that they stay in view and
 * a change made meanwhile counts from them. */
const setupTurns = { tail: null, waiting: [] };

/** Runs `task` as the last turn, once the turn queued before it is over. The turn is claimed before
 * anything is awaited. */
async function queueTurn(task) {
  const earlier = setupTurns.tail;
  const run = (async () => { await earlier; return task(); })();
  const settled = run.catch(() => {});
  setupTurns.tail = settled;
  try { return await run; } finally { if (setupTurns.tail === settled) setupTurns.tail = null; }
}

/** Changes the configuration: shown at once (controls, address) and sent in its turn, laid on the setup
 * the server holds by then (an upload's, say). What the edit changes is read now (it reads its control,
 * which a setup taken meanwhile resets) and laid on as the keys and layers it changed; an edit that reads
 * nothing but the configuration it is given (`replay`: a link, a preset, a layer's + and −, a feature) is
 * replayed as it is. A link's setup (`link`: pasted into an open tab) keeps what the server takes of it,
 * as when a link opens (`replacingRefused`); any other change the server refuses is undone whole. */
function update(edit, { link = false, unread = [], replay = link } = {}) {
  const before = structuredClone(config), after = structuredClone(config);
  edit(after);
  const laid = replay ? edit : layOn(before, after);
  setupTurns.waiting.push(laid);
  laid(config); config.activations = compactActivations(layerActivations(config));
  writeHash(); syncControls(); forgetPresetIfChanged();
  return queueTurn(() => {
    setupTurns.waiting.splice(setupTurns.waiting.indexOf(laid), 1);
    return changeSetup(laid, link, unread);
  });
}

/** The edit that took `before` to `after`, to lay on another setup: the keys it changed, and of the
 * per-layer keys only the layers it changed when it kept the network's shape and did not set every layer
 * at once (copied whole, one layer's new activation brought the old network's list onto an imported
 * model, and reset its weights). */
function layOn(before, after) {
  const differs = (a, b) => canonicalJSON(a) !== canonicalJSON(b);
  const changed = Object.keys(after).filter(k => differs(after[k], before[k]));
  const byLayer = !changed.includes('networkShape') && !(changed.includes('activations') && after.activations.length === 1);
  return c => {
    for (const k of changed) {
      if (k === 'activations' && byLayer) {
        const was = layerActivations(before), now = layerActivations(after), target = layerActivations(c);
        now.forEach((a, i) => { if (a !== was[i] && i < target.length) target[i] = a; });
        c.activations = compactActivations(target);
      } else if (k === 'activationParameters' && byLayer) {
        const merged = structuredClone(c.activationParameters || {});
        for (const l of new Set([...Object.keys(before[k] || {}), ...Object.keys(after[k] || {})])) {
          if (!differs((before[k] || {})[l], (after[k] || {})[l])) continue;
          if ((after[k] || {})[l] === undefined) delete merged[l]; else merged[l] = structuredClone(after[k][l]);
        }
        c.activationParameters = merged;
      } else c[k] = structuredClone(after[k]);
    }
  };
}

/** Sends an upload or an import (`send`, which reads the file in its turn), which makes a new setup on the
 * server, and takes up the setup its answer carries at once (the frame that shows it comes later). */
function newSetup(send) {
  return queueTurn(async () => {
    const answer = await send();
    if (answer && answer.config) takeSetup(answer.config, answer.version, answer.id);
    return answer;
  });
}

/** Sends the server's setup with `edit` laid on it (in its turn: nothing else is on its way), then shows
 * the setup the server answers, with the changes still waiting laid on it. */
async function changeSetup(edit, link, unread) {
  const held = serverSetup(), body = structuredClone(held ?? config);
  edit(body); body.activations = compactActivations(layerActivations(body));
  const put = () => api('PUT', `/api/sessions/${S.id}/config`, body);
  try {
    const { answer: status, changes } = link ? await replacingRefused(put, body) : { answer: await put(), changes: [] };
    noteServerSetup(status.config, status.version, status.id);
    showSetup(status.config || body);
    if (changes.length || unread.length) showRefused([...unread, ...changes]); else hideBanner();
    if (status.change === 'kept' && held) explainKeptOptimizer(held, body);
  } catch (e) {
    report(e);
    const now = serverSetup();
    if (now) showSetup(now);
  }
}

/** The newest setup the server is known to hold, from a frame or from an answer that carried it (an
 * upload's, an import's, an accepted change's): a refused change goes back to it. The frame alone can be
 * older than an answer already in (the upload's frame comes after its answer), and going back to it
 * showed the old dataset again, which the next change then sent. */
function serverSetup() {
  const frame = S.frame, answered = S.heldSetup;
  if (answered && (!frame || answered.version >= frame.version)) return answered.config;
  return frame && frame.config;
}

/** Keeps `setup` as the server's at `version`, unless it is older than one kept, or the answer came from
 * a session this page no longer has (`session`: the answer's id). */
function noteServerSetup(setup, version, session) {
  if (!setup || !Number.isInteger(version) || (session !== undefined && session !== S.id)) return;
  if (S.heldSetup && S.heldSetup.version > version) return;
  S.heldSetup = { config: structuredClone(setup), version };
}

/** After a change that kept the network: a learning-rate, regularisation or batch-size change keeps the
 * optimiser's state too (the trainer is retuned in place), so only a new kind of optimiser needs a word. */
function explainKeptOptimizer(before, after) {
  if (after.optimizer === before.optimizer || after.optimizer === 'sgd') return;
  showBanner(`The weights and the epoch count are kept. ${OPTIMIZER_STATE[after.optimizer]} start from zero `
    + 'with the new optimiser; a learning-rate or regularisation change keeps them.', 'info');
}

const OPTIMIZER_STATE = { momentum: "Momentum's velocities", nesterov: "Nesterov's velocities", rmsprop: "RMSprop's running squares",
  adam: "Adam's moment estimates", adamw: "AdamW's moment estimates" };

const writeHash = () => { history.replaceState(null, '', toHash(config, view, S.added)); showClassroomLink(); };

/** What the classroom checklist hides: only the link it writes carries it, never this page's address. */
const classroom = { hidden: [], hideText: false };
const showClassroomLink = () => showShareLink(toHash(config, { ...view, hidden: classroom.hidden, hideText: classroom.hideText }, S.added));

/** The clicked points of a shared link, added to a new session in one request. */
async function addPoints(points) {
  if (!points.length) return;
  try {
    await api('POST', `/api/sessions/${S.id}/points`, points.map(([x1, x2, label]) => ({ x1, x2, label })));
    document.querySelector('details.own').open = true;  // where the note says what the link holds
  }
  catch (e) { report(new Error(`The link's ${points.length} points could not be added: ${e.message}`)); }
}

// ---- rendering ----------------------------------------------------------------------------------

/** Takes the setup of the newest frame as the page's own (controls, address) when the server changed it
 * (an upload makes the dataset `custom`, an import brings its model's setup): only with no request of
 * this page in flight and from a frame at least as new as their answers, so that a frame built before
 * the page's own change cannot undo it. A frame that came while an upload was in flight is taken up
 * when its answer comes (the page kept the old setup, and its next change sent it back, dropping the
 * upload or the imported model). */
function takeServerConfig() {
  const frame = S.frame;
  if (!frame || S.pending !== 0 || frame.version < S.answered || canonicalJSON(frame.config) === canonicalJSON(config)) return;
  takeSetup(frame.config);
}

/** `setup` (the server's) as the page's own: its controls, address and notes; `version`, when it came
 * in an answer, the session's version the answer gave. */
function takeSetup(setup, version, session) {
  noteServerSetup(setup, version, session);
  showSetup(setup);
  if (S.points) showPointsNote();
}

/** `setup` as the page's configuration, in its controls and address, with the changes still waiting their
 * turn laid on it: they stay in view (a second click on + after an upload's answer counted from the
 * upload's setup, without the first click, still waiting, and one neuron was lost). */
function showSetup(setup) {
  config = structuredClone(setup);
  for (const laid of setupTurns.waiting) laid(config);
  config.activations = compactActivations(layerActivations(config));
  syncControls(); writeHash(); forgetPresetIfChanged();
}

/** Takes in a frame: its state, records and points at once; the drawing waits for the next animation frame. */
function receive(frame, decoded) {
  S.frame = frame;
  const confirms = S.intent && frame.version >= S.intent.version;  // the server's answer to Play or Pause
  if (confirms) S.intent = null;
  // First, so that nothing drawn below can keep it from showing (a diverged run's numbers are NaN).
  if (frame.pause && canonicalJSON(frame.pause) !== canonicalJSON(S.lastPause)) showBanner(frame.pause.message, frame.pause.isError ? 'error' : 'info');
  S.lastPause = frame.pause;
  if (frame.run !== S.run) { S.run = frame.run; S.records = []; }
  if (frame.records.length) {
    // Appended in place (the loss chart keeps what it made of the records before): only records that
    // come again from an earlier epoch (after a step back) make a new list.
    const first = frame.records[0].epoch, last = S.records[S.records.length - 1];
    if (last && last.epoch >= first) S.records = S.records.filter(r => r.epoch < first);
    S.records.push(...frame.records);
    // Thinned as the server thins its history: the charts' cost stays bounded however long the run.
    if (S.records.length > 2000) S.records = S.records.filter((r, i) => i % 2 === 0 || i === S.records.length - 1);
  }
  if (frame.points) { S.points = frame.points; S.pointsVersion = (S.pointsVersion || 0) + 1; S.added = frame.points.added ?? []; showPointsNote(); showUploadWarnings(); writeHash(); }
  takeServerConfig();
  if (decoded.inputs) S.inputs = decoded.inputs;
  S.decoded = { ...decoded, inputs: S.inputs || [] };
  const outputs = frame.network.layers[frame.network.layers.length - 1].bias.length;
  S.decoded.outputUnits = outputs === 1 ? S.decoded.output : S.decoded.output.map(o => byteGrid(o.size, 2 * o.lower - 1, 2 * o.upper - 1, o.bytes));  // 2p − 1, on the ±1 scale
  showPlayState();
  // A frame that still shows the state the person just left (built before the server took the click)
  // is taken in but not drawn: the frame that confirms the click follows at once, and drawing this one
  // first kept the page busy while it arrived (Pause was confirmed on screen 150–200 ms after the click).
  if (S.intent && frame.playing !== S.intent.playing) return;
  // The frame that confirms a click is drawn at once, not at the next animation frame (up to 16 ms later).
  if (confirms) { draw(); S.drawnAtOnce = frame; return; }
  scheduleDraw();
}

/** Draws at the next animation frame, once however many frames or layout changes came before it; not
 * a frame already drawn at once (unless the layout changed since), nor one that still shows the state
 * the person just left. */
function scheduleDraw() {
  if (S.drawScheduled || !S.frame) return;
  S.drawScheduled = true;
  requestAnimationFrame(() => {
    S.drawScheduled = false;
    if ((S.drawnAtOnce === S.frame && !S.layoutChanged) || (S.intent && S.frame.playing !== S.intent.playing)) return;
    draw();
  });
}
onLayoutChange(() => { S.layoutChanged = true; scheduleDraw(); });

/** Draws the newest frame. */
function draw() {
  const frame = S.frame, now = performance.now();
  S.layoutChanged = false; S.drawnAtOnce = null;
  S.drawTimes.push(now); while (S.drawTimes[0] < now - 1000) S.drawTimes.shift();
  S.drawCount++;
  const outputs = frame.network.layers[frame.network.layers.length - 1].bias.length;
  net.build(frame.config, S.menu, outputs, frame.classNames);
  net.update(frame, S.decoded, view.linkMode);
  const area = $('network').parentElement;
  if (area.classList.contains('scrolls') !== net.width > cssSize(area).w + 2) area.classList.toggle('scrolls');
  drawHeatmap();
  const last = S.records[S.records.length - 1];
  setText($('epoch'), String(frame.epoch).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  setText($('trainLoss'), last ? fmtLoss(last.trainLoss) : '–');
  setText($('testLoss'), last && last.testLoss != null ? fmtLoss(last.testLoss) : '–');
  setText($('trainAcc'), last && last.trainAccuracy != null ? `accuracy ${fixed(100 * last.trainAccuracy, 1)}%` : '');
  setText($('testAcc'), last && last.testAccuracy != null ? `accuracy ${fixed(100 * last.testAccuracy, 1)}%` : '');
  setText($('msPerEpoch'), last && last.epoch > 0 ? `${fixed(last.milliseconds, 2)} ms/epoch` : '– ms/epoch');  // epoch 0 trained nothing
  showPlayState();
  drawCharts();
  // The panels under the board are drawn while on screen; one scrolled into view is drawn at once.
  if (isOnScreen($('healthChart'))) drawHealth($('healthChart'), S.records, frame.network, view.hidden.includes('activation') ? null : S.menu.name);
  // The collapse's maps come only while its panel is on screen (the puller asks for them); a frame
  // without them, the one in hand as the panel comes into view, leaves the panel as it was.
  const collapseShown = isOnScreen($('collapsePanel'));
  puller.setCollapse(collapseShown);
  if (collapseShown && S.decoded.collapse) drawCollapse(frame, S.decoded, $('deepMap'), $('collapseMap'), $('collapseText'), view.discretize);
  if (isOnScreen($('cardPanel'))) updateCard();
  updateAddClasses();
}

/** The server's warnings about uploaded points (near-empty classes, far outliers), once per upload. */
function showUploadWarnings() {
  const warnings = S.points.warnings || [], key = warnings.join('\n');
  $('pointsWarnings').replaceChildren(...warnings.map(w => Object.assign(document.createElement('li'), { textContent: w })));
  if (key && key !== S.shownWarnings) showBanner(`${S.uploadName || 'The uploaded points'}: ${warnings.join(' ')}`, 'warning');
  S.shownWarnings = key;
}

function showPointsNote() {
  const uploaded = config.dataset === 'custom' && S.points.train.length + S.points.test.length > S.added.length;
  $('pointsNote').textContent = pointsNote(S.added.length, uploaded);
}

/** The loss and gradient charts, each marking the hovered epoch and reading out its values. */
function drawCharts() {
  const hovered = drawLoss($('lossChart'), S.records, S.lossHover);
  setHTML($('lossReadout'), hovered ? lossReadout(hovered)
    : '<span><i class="key train"></i>training</span> <span><i class="key test"></i>test</span> <span class="hint">(hover for values)</span>');
  if (isOnScreen($('gradChart'))) drawGradients($('gradChart'), $('gradLegend'), S.records, S.gradHover);
}

/** The losses (and accuracies) at one epoch; each part stays on one line. */
function lossReadout(r) {
  const acc = a => a != null ? ` (${fixed(100 * a, 1)}%)` : '';
  return `<span><b>epoch ${r.epoch}</b></span> <span><i class="key train"></i>training ${fmtLoss(r.trainLoss)}${acc(r.trainAccuracy)}</span>` +
    (r.testLoss != null ? ` <span><i class="key test"></i>test ${fmtLoss(r.testLoss)}${acc(r.testAccuracy)}</span>` : '');
}

const PLAY_ICON = '<svg viewBox="0 0 24 24"><path d="M8 5v14l11-7z"/></svg>';
const PAUSE_ICON = '<svg viewBox="0 0 24 24"><path d="M6 19h4V5H6v14zm8-14v14h4V5h-4z"/></svg>';

/** A catalog formula with ^{…} as superscripts. */
const formula = s => escape(s).replace(/\^\{([^}]*)\}/g, '<sup>$1</sup>').replace(/\^\(([^)]*)\)/g, '<sup>($1)</sup>');

const fmtLoss = v => fixed(v, 3);

/** The data points on their own canvas over the heatmap, drawn again only when they (or how they are shown) change. */
function drawHeatmapPoints(f) {
  const layer = $('heatmapPoints'), opts = { classCount: f.classCount, regression: f.problem === 'regression' };
  const key = S.points ? [S.pointsVersion, f.grids.domain, f.classCount, f.problem, view.showTestData].join() : '';
  if (layer.dataset.key === key) return;
  layer.dataset.key = key;
  layer.getContext('2d').clearRect(0, 0, layer.width, layer.height);
  if (!S.points) return;
  drawPoints(layer, S.points.train, f.grids.domain, opts);
  if (view.showTestData) drawPoints(layer, S.points.test, f.grids.domain, { ...opts, test: true });
}

function drawHeatmap() {
  const canvas = $('heatmap'), f = S.frame, d = S.decoded;
  let img, label = '';
  const hv = S.hovered;
  if (hv && hv.kind === 'input' && d.inputs[hv.index]) { img = gridPixels(d.inputs[hv.index], 'scaled', view.discretize); label = `input ${hv.label}`; }
  else if (hv && hv.kind === 'unit' && hv.layer < d.hidden.length && d.hidden[hv.layer][hv.index]) { img = gridPixels(d.hidden[hv.layer][hv.index], 'value', view.discretize); label = hv.label; }
  else img = d.output.length > 1 ? classPixels(d.output, view.discretize) : gridPixels(d.output[0], 'value', view.discretize);
  // At the grid's own size (100×100), scaled (smoothly) by CSS: no 300×300 resampling on the main thread.
  putPixels(canvas, img);
  setText($('heatmapLabel'), label ? `showing ${label}` : '');
  drawHeatmapPoints(f);
  const legend = f.classCount > 2 ? f.classNames.map((n, i) => `<span><i style="background:${css(CLASS_COLOURS[i % CLASS_COLOURS.length])}"></i>class ${n}</span>`).join('')
    : `<span class="scale"><b>−1</b><i class="ramp"></i><b>1</b></span> <span class="hint">colours show data, neuron and weight values</span>`;
  if ($('legend').dataset.key !== legend) { $('legend').innerHTML = legend; $('legend').dataset.key = legend; }
}

// ---- the activation card ------------------------------------------------------------------------

async function updateCard() {
  const f = S.frame, layers = f.network.layers.slice(0, -1);
  const select = $('cardLayer');
  if (select.options.length !== layers.length) {
    select.innerHTML = layers.map((l, i) => `<option value="${i}">${i + 1}</option>`).join('');
    S.cardLayer = Math.min(S.cardLayer, Math.max(0, layers.length - 1)); select.value = S.cardLayer;
  }
  if (!layers.length) { $('cardTitle').textContent = 'no hidden layer'; drawCard($('cardChart'), null); $('cardFormula').innerHTML = ''; $('cardLive').textContent = ''; $('cardParams').innerHTML = ''; return; }
  const layer = layers[S.cardLayer] || layers[0];
  const params = f.config.activationParameters[S.cardLayer] || {};
  const key = layer.activation + canonicalJSON(params);
  if (!S.curves[key]) {
    S.curves[key] = 'loading';
    const q = new URLSearchParams(params).toString(), own = isFormula(layer.activation);
    const url = own ? formulaURL(layer.activation, params) : `/api/activations/${encodeURIComponent(layer.activation)}${q ? '?' + q : ''}`;
    // A busy server's 503 is not kept (it would blank the card for good): the card waits, and asks
    // again after the server's Retry-After. A lost request is asked again a little later.
    const askAgain = seconds => setTimeout(() => { delete S.curves[key]; updateCard(); }, 1000 * seconds);
    fetch(url).then(async r => {
      if (r.status === 503) return askAgain(Number(r.headers.get('Retry-After')) || 2);
      S.curves[key] = await r.json().catch(() => ({ error: { message: `${r.status} ${r.statusText}` } }));
      updateCard();
    }).catch(() => askAgain(2));
    return;
  }
  const curve = S.curves[key];
  if (curve === 'loading' || curve.error) return;
  $('cardTitle').textContent = curve.name;
  drawCard($('cardChart'), curve, layer);
  const text = `<div>f(x) = ${formula(curve.formula)}</div><div>f′(x) = ${formula(curve.derivativeFormula)}</div><div class="hint">range ${escape(curve.outputRange)}</div>`;
  if ($('cardFormula').dataset.key !== text) { $('cardFormula').innerHTML = text; $('cardFormula').dataset.key = text; }
  const dead = layer.dead.filter(Boolean).length, zeros = layer.zeros.reduce((a, b) => a + b, 0) / layer.zeros.length;
  const h = layer.histogram, total = h ? h.counts.reduce((a, b) => a + b, 0) + h.below + h.above : 0;
  setHTML($('cardLive'), `mean |f′(z)| on the training data: <strong>${fmtSci(layer.meanSlope)}</strong> · dead units <strong>${dead}/${layer.dead.length}</strong> · outputs exactly 0: <strong>${Math.round(100 * zeros)}%</strong>` +
    (h && (h.below + h.above) > 0 ? ` · ${Math.round(100 * (h.below + h.above) / total)}% of z outside the plot` : ''));
  renderParams(layer.activation, params, curve);
}

/** A formula's parameters as the card lists them: the values the server used are the defaults. */
const formulaInfo = curve => ({ parameters: Object.entries(curve.parameters || {}).map(([name, value]) =>
  ({ name, defaultValue: value, summary: 'a parameter of your formula' })) });

/** A parameter's value in a layer's `params`, or its default. */
const valueOf = (spec, params) => params[spec.name] ?? spec.defaultValue;

function renderParams(id, params, curve) {
  const info = isFormula(id) ? formulaInfo(curve) : S.catalog[id], key = id + S.cardLayer;
  if ($('cardParams').dataset.key === key) return;
  $('cardParams').dataset.key = key;
  if (!info || !info.parameters.length) { $('cardParams').innerHTML = '<span class="hint">no parameters</span>'; return; }
  $('cardParams').innerHTML = info.parameters.map(p =>
    `<label title="${escape(p.summary)}">${p.name} <input type="number" step="0.01" data-name="${p.name}" value="${valueOf(p, params)}"></label>`).join('');
  for (const input of $('cardParams').querySelectorAll('input')) input.onchange = () => {
    // A blank or junk box (a number input gives '' for both) was sent as 0 without a word.
    const l = String(S.cardLayer), name = input.dataset.name, value = decimal(input.value.trim());
    if (!Number.isFinite(value)) {
      const kept = valueOf(info.parameters.find(p => p.name === name), config.activationParameters[l] || {});
      showBanner(`${name}: type a number, e.g. ${kept}; the layer keeps ${kept}.`, 'error');
      input.value = kept;
      return;
    }
    update(c => {
      c.activationParameters = { ...c.activationParameters, [l]: { ...(c.activationParameters[l] || {}), [name]: value } };
    });
  };
}

const escape = s => String(s).replace(/[&<>"]/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[ch]));

// ---- controls -----------------------------------------------------------------------------------

const net = new NetworkView($('network'), {
  toggleFeature: id => update(c => { c.features = c.features.includes(id) ? c.features.filter(f => f !== id) : [...c.features, id]; }, { replay: true }),
  neurons: (l, delta) => update(c => { if (l < c.networkShape.length) c.networkShape[l] = Math.max(1, Math.min(16, c.networkShape[l] + delta)); }, { replay: true }),
  layerActivation: (l, id) => {
    // A new function starts from its own defaults: the old one's parameters (elu's alpha) were kept and
    // the server refused the configuration ("relu takes no parameters").
    if (id !== OWN_OPTION) return update(c => {
      const list = layerActivations(c); list[l] = id; c.activations = list;
      const params = { ...c.activationParameters }; delete params[String(l)]; c.activationParameters = params;
    });
    const menu = document.querySelector(`select[aria-label="Activation of layer ${l + 1}"]`);
    if (menu) menu.value = layerActivations(config)[l];  // until a formula is used, the layer keeps its activation
    openFormula(l);
  },
  hover: h => { S.hovered = h; puller.setFocus(h && h.kind === 'unit' && S.decoded && h.layer < S.decoded.hidden.length ? `${h.layer},${h.index}` : ''); if (S.frame) drawHeatmap(); zoom(h); },
  edit: (ev, target) => editWeight(ev, target),
});

function zoom(h) {
  const box = $('zoom');
  if (!h || !S.decoded) { box.hidden = true; return; }
  const grid = h.kind === 'input' ? S.decoded.inputs[h.index] : h.layer < S.decoded.hidden.length ? S.decoded.hidden[h.layer][h.index] : S.decoded.outputUnits[h.index];
  if (!grid) { box.hidden = true; return; }
  paint(box.querySelector('canvas'), gridPixels(grid, h.kind === 'input' ? 'scaled' : 'value'));
  box.querySelector('.zoom-label').textContent = h.label;
  const r = h.el.getBoundingClientRect();
  box.style.left = Math.min(window.innerWidth - 180, r.right + 8 + window.scrollX) + 'px';
  box.style.top = (r.top + window.scrollY - 60) + 'px';
  box.hidden = false;
}

function editWeight(ev, target) {
  const layer = S.frame.network.layers[target.layer];
  const value = num(target.from === null ? layer.bias[target.to] : layer.weights[target.from][target.to]);
  const label = target.from === null ? target.label : `weight, layer ${target.layer + 1}: ${target.from + 1} → ${target.to + 1}`;
  openEditor($('editor'), ev, label, value, v =>
    api('POST', `/api/sessions/${S.id}/weights`, { layer: target.layer, from: target.from, to: target.to, value: v }).catch(report));
}

function fillSelect(select, values, current) {
  const list = values.includes(current) ? values : [...values, current].sort((a, b) => a - b);
  // Rebuilt only when the list changes: rebuilt on every setup shown (each change and each answer), a
  // menu the user had open lost its options under the pointer.
  const html = list.map(v => `<option value="${v}">${v}</option>`).join('');
  if (select.dataset.options !== html) { select.innerHTML = html; select.dataset.options = html; }
  select.value = current;
}

/** The activation menus: the catalog's functions, then the formulas in use and "Your own…". */
function refreshMenus() {
  if (S.baseOptions === undefined) return;
  const options = S.baseOptions + ownOptions(layerActivations(config).filter(isFormula));
  if (options === S.menu.options) return;
  S.menu = { options, name: id => isFormula(id) ? formulaLabel(id) : displayName(S.catalog, id) };
  $('activationAll').innerHTML = '<option value="">(per layer)</option>' + options;
}

/** Opens the formula field for `target` (null: every layer), holding that layer's formula if it has one. */
function openFormula(target) {
  const acts = layerActivations(config), current = target === null ? acts[0] : acts[target];
  formulaField.open(target, current && isFormula(current) && (target !== null || acts.every(a => a === current)) ? current : 'f(x; a=1.5) = x*sigmoid(a*x)');
}

/** Trains with a formula the server has accepted: in every hidden layer, or in one. */
const useFormula = (text, target) => update(c => {
  if (target === null) { c.activations = [text]; c.activationParameters = {}; return; }
  const list = layerActivations(c); list[target] = text; c.activations = list;
  const params = { ...c.activationParameters }; delete params[String(target)]; c.activationParameters = params;
});
const formulaField = new FormulaField(useFormula);

function syncControls() {
  refreshMenus();
  fillSelect($('learningRate'), LEARNING_RATES, config.learningRate);
  fillSelect($('regularizationRate'), REG_RATES, config.regularizationRate);
  const acts = layerActivations(config);
  $('activationAll').value = acts.length && acts.every(a => a === acts[0]) ? acts[0] : '';
  // With no hidden layers there is no activation to choose ("(per layer)" said there were layers).
  const none = !config.networkShape.length, menu = $('activationAll');
  menu.disabled = none;
  if (menu.options.length) menu.options[0].textContent = none ? '(no hidden layers)' : '(per layer)';
  menu.title = none ? 'No hidden layers: add one to choose its activation' : 'Sets every hidden layer; each layer has its own menu too';
  for (const k of ['regularization', 'problem', 'optimizer', 'initializer', 'output']) $(k).value = config[k];
  for (const k of ['percTrainData', 'noise', 'batchSize', 'classes']) { $(k).value = config[k]; $(k + 'Out').textContent = config[k]; }
  $('seed').value = config.seed; $('maxEpochs').value = config.maxEpochs || ''; $('stopLoss').value = config.stopLoss || '';
  $('epochsPerFrame').value = config.epochsPerFrame; $('normalize').checked = config.normalize;
  $('showTestData').checked = view.showTestData; $('discretize').checked = view.discretize; $('linkMode').value = view.linkMode;
  $('linkCaption').hidden = view.linkMode !== 'weights'; $('gradientCaption').hidden = view.linkMode !== 'gradients';
  $('layerCount').textContent = config.networkShape.length;
  $('classesRow').hidden = !['blobs', 'spiral-arms'].includes(config.dataset);
  renderDatasets();
}

function renderDatasets() {
  const list = S.datasets.filter(d => d.classification === (config.problem === 'classification'));
  if (config.dataset === 'custom') list.push({ id: 'custom', summary: 'your points' });
  const key = list.map(d => d.id).join() + config.dataset;
  if ($('datasets').dataset.key === key) return;
  $('datasets').dataset.key = key;
  $('datasets').innerHTML = '';
  for (const d of list) {
    const b = document.createElement('button');
    b.className = 'dataset' + (d.id === config.dataset ? ' selected' : ''); b.title = d.summary;
    b.innerHTML = `<canvas width="48" height="48"></canvas><span>${d.id}</span>`;
    b.onclick = () => update(c => { c.dataset = d.id; });
    $('datasets').appendChild(b);
    if (d.preview) drawPoints(b.querySelector('canvas'), d.preview, 6, { classCount: d.multiclass ? 3 : 2, regression: !d.classification });
  }
}

function updateAddClasses() {
  const f = S.frame, labels = f.problem === 'regression' ? [-1, 1] : f.classNames.map((_, i) => i);
  const key = labels.join() + '|' + (f.problem === 'regression' ? '' : f.classNames.join('\u0000'));
  if ($('addClass').dataset.key === key) return;
  $('addClass').dataset.key = key;
  $('addClass').innerHTML = '<button data-v="">off</button>' + labels.map((v, i) => {
    const colour = f.problem === 'regression' ? (v < 0 ? ORANGE : BLUE) : (f.classCount === 2 ? [ORANGE, BLUE][i] : CLASS_COLOURS[i % CLASS_COLOURS.length]);
    return `<button data-v="${v}"><i style="background:${css(colour)}"></i>${f.problem === 'regression' ? (v < 0 ? '−1' : '+1') : f.classNames[i]}</button>`;
  }).join('');
  for (const b of $('addClass').querySelectorAll('button')) b.onclick = () => {
    S.addClass = b.dataset.v === '' ? null : +b.dataset.v;
    for (const o of $('addClass').querySelectorAll('button')) o.classList.toggle('selected', o === b);
    $('heatmap').classList.toggle('adding', S.addClass !== null);
  };
  $('addClass').querySelector('button').classList.add('selected');
}

function wire() {
  $('play').onclick = togglePlay;
  $('step').onclick = () => control('step');
  $('reset').onclick = () => { hideBanner(); control('reset'); };
  $('reseed').onclick = () => control('reseed');
  $('regenerate').onclick = () => control('regenerate');
  $('bannerClose').onclick = hideBanner;
  $('presetNoteClose').onclick = () => { $('presetNote').hidden = true; };
  followPointer($('lossChart'), at => { S.lossHover = at; drawCharts(); });
  followPointer($('gradChart'), at => { S.gradHover = at; drawCharts(); });
  wireTheme(() => { if (S.frame) draw(); });
  window.addEventListener('hashchange', () => applyHash().catch(report));
  // A closed or reloaded tab closes its session at once: it trained on, on the server's CPU and in one
  // of its session slots, until the idle timeout (10 min). A page restored from the back/forward cache
  // starts a new one.
  window.addEventListener('pagehide', closeSession);
  window.addEventListener('pageshow', ev => { if (ev.persisted && !S.id) startSession(); });
  $('addLayer').onclick = () => update(c => { if (c.networkShape.length < 8) { const a = layerActivations(c); c.networkShape.push(2); c.activations = [...a, a[a.length - 1] || 'tanh']; } }, { replay: true });
  $('removeLayer').onclick = () => update(c => { if (c.networkShape.length > 0) { const a = layerActivations(c); c.networkShape.pop(); c.activations = a.length > 1 ? a.slice(0, -1) : a; } }, { replay: true });
  $('learningRate').onchange = e => update(c => { c.learningRate = +e.target.value; });
  $('regularizationRate').onchange = e => update(c => { c.regularizationRate = +e.target.value; });
  $('activationAll').onchange = e => {
    if (e.target.value === OWN_OPTION) { syncControls(); return openFormula(null); }
    update(c => { c.activations = [e.target.value]; c.activationParameters = {}; });
  };
  for (const k of ['regularization', 'optimizer', 'initializer', 'output']) $(k).onchange = e => update(c => { c[k] = e.target.value; });
  $('problem').onchange = e => update(c => { c.problem = e.target.value; c.dataset = c.problem === 'regression' ? 'reg-plane' : 'circle'; });
  for (const k of ['percTrainData', 'noise', 'batchSize', 'classes']) {
    $(k).oninput = e => { $(k + 'Out').textContent = e.target.value; };
    $(k).onchange = e => update(c => { c[k] = +e.target.value; });
  }
  $('seed').onchange = e => update(c => { c.seed = Math.max(0, Math.round(+e.target.value)); });
  $('maxEpochs').onchange = e => update(c => { c.maxEpochs = Math.max(0, Math.round(+e.target.value || 0)); });
  $('stopLoss').onchange = e => update(c => { c.stopLoss = Math.max(0, +e.target.value || 0); });
  $('epochsPerFrame').onchange = e => update(c => { c.epochsPerFrame = Math.max(1, Math.min(100, Math.round(+e.target.value || 1))); });
  $('normalize').onchange = e => update(c => { c.normalize = e.target.checked; });
  $('showTestData').onchange = e => { view.showTestData = e.target.checked; writeHash(); drawHeatmap(); };
  $('discretize').onchange = e => { view.discretize = e.target.checked; writeHash(); drawHeatmap(); };
  $('linkMode').onchange = e => { view.linkMode = e.target.value; writeHash(); syncControls(); if (S.frame) net.update(S.frame, S.decoded, view.linkMode); };
  $('cardLayer').onchange = e => { S.cardLayer = +e.target.value; $('cardParams').dataset.key = ''; updateCard(); };
  $('preset').onchange = e => applyPreset(e.target.value);
  $('clearPoints').onclick = () => api('DELETE', `/api/sessions/${S.id}/points`).catch(report);
  $('heatmap').onclick = ev => {
    if (S.addClass === null || !S.frame) return;
    const r = ev.target.getBoundingClientRect(), d = S.frame.grids.domain;
    const x1 = ((ev.clientX - r.left) / r.width * 2 - 1) * d, x2 = (1 - (ev.clientY - r.top) / r.height * 2) * d;
    api('POST', `/api/sessions/${S.id}/points`, { x1, x2, label: S.addClass }).catch(report);
  };
  $('csv').onchange = async e => {
    const file = e.target.files[0]; if (!file) return;
    try {
      S.uploadName = file.name; S.shownWarnings = null;
      const header = $('csvHeader').checked;
      // The turn is claimed before the file is read: a change made meanwhile goes after the upload.
      await newSetup(async () => api('POST', `/api/sessions/${S.id}/csv?header=${header}`, await file.text(), 'text/csv'));
      if ($('banner').hidden || !$('banner').classList.contains('warning')) showBanner(`Loaded ${file.name}.`, 'info');
    }
    catch (err) { report(new Error(`${file.name}: ${err.message}`)); }
    e.target.value = '';
  };
  $('import').onchange = async e => {
    const file = e.target.files[0]; if (!file) return;
    try {
      await newSetup(async () => api('POST', `/api/sessions/${S.id}/model`, await file.text(), 'application/json'));
      showBanner(`Imported ${file.name}: Reset returns to its weights.`, 'info');
    } catch (err) { report(new Error(`${file.name}: ${err.message}`)); }
    e.target.value = '';
  };
  document.addEventListener('click', ev => { const ed = $('editor'); if (!ed.hidden && !ed.contains(ev.target) && ev.target.tagName !== 'path' && !ev.target.classList.contains('bias')) ed.hidden = true; });
}

async function applyPreset(id) {
  const preset = S.presets.find(p => p.id === id);
  if (!preset) { $('presetNote').hidden = true; return; }
  $('presetNoteText').innerHTML = `<strong>${escape(preset.title)}.</strong> ${escape(preset.claim)} <em>${escape(preset.watch)}</em>`;
  $('presetNote').hidden = false;
  // A preset sets up the claim; how fast and how long to run stay as they were.
  await update(c => Object.assign(c, structuredClone(preset.config), { epochsPerFrame: c.epochsPerFrame, maxEpochs: c.maxEpochs, stopLoss: c.stopLoss }), { replay: true });
}

/** The settings that make a preset its claim: all but how fast and long to run and the seeds. */
const presetKey = c => canonicalJSON({ ...c, activations: compactActivations(layerActivations(c)),
  epochsPerFrame: 0, maxEpochs: 0, stopLoss: 0, seed: 0, dataSeed: 0 });

/** Clears the preset's name and note once the setup is no longer the preset's. */
function forgetPresetIfChanged() {
  const preset = S.presets.find(p => p.id === $('preset').value);
  if (preset && presetKey(preset.config) === presetKey(config)) return;
  $('preset').value = ''; $('presetNote').hidden = true;
}

/** A new hash in an open tab (a pasted link): its setup, view and points replace the page's. */
async function applyHash() {
  if (location.hash === toHash(config, view, S.added)) return;
  const parsed = parseHash(location.hash);
  view = parsed.view; applyHiddenControls(view);
  // The old clicked points go first: the server refuses a setup they do not fit (regression targets
  // under a classification link).
  const same = canonicalJSON(parsed.points) === canonicalJSON(S.added);
  if (!same) await api('DELETE', `/api/sessions/${S.id}/points`).catch(report);
  await update(c => { for (const k of Object.keys(c)) delete c[k]; Object.assign(c, parsed.config); }, { link: true, unread: parsed.unread });
  if (!same) await addPoints(parsed.points);
}

async function load() {
  applyHiddenControls(view);
  wire();
  buildClassroom(classroom, showClassroomLink);
  const [limits, presets, datasets, catalog] = await Promise.all(['/api/limits', '/api/presets', '/api/datasets', '/api/catalog'].map(u => fetch(u).then(r => r.json())));
  S.limits = limits; S.activations = limits.activations; S.presets = presets; S.datasets = datasets;
  for (const info of catalog) S.catalog[info.id] = info;
  S.baseOptions = activationOptions(activationGroups(S.activations, S.catalog));
  $('preset').innerHTML += presets.map(p => `<option value="${p.id}">${escape(p.title)}</option>`).join('');
  syncControls();
  startSession();
  await Promise.all(S.datasets.map(async d => { d.preview = await fetch(`/api/datasets/${d.id}/points?classes=3`).then(r => r.json()); }));
  $('datasets').dataset.key = ''; renderDatasets();
}

load();
