// The configuration and the URL: TensorFlow Playground's hash keys where it has them, ours beside them.

export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const FEATURE_KEYS = { x: 'x1', y: 'x2', xSquared: 'x1^2', ySquared: 'x2^2', xTimesY: 'x1*x2', sinX: 'sin(x1)', sinY: 'sin(x2)' };

export function defaultConfig() {
  return {
    problem: 'classification', dataset: 'circle', classes: 3, noise: 0, percTrainData: 50, batchSize: 10, learningRate: 0.03,
    networkShape: [4, 2], activations: ['tanh'], activationParameters: {}, features: ['x1', 'x2'], regularization: 'none',
    regularizationRate: 0, optimizer: 'sgd', initializer: 'playground', output: 'tanh', normalize: false, seed: 1, dataSeed: 1,
    maxEpochs: 0, stopLoss: 0, epochsPerFrame: 1,
  };
}

export function defaultView() { return { showTestData: false, discretize: false, linkMode: 'weights', hidden: [], hideText: false }; }

/** TensorFlow Playground's classroom flags: `<name>_hide=true` in the URL hides that control (its
 * list, in its order), then ours. Each name marks its elements in index.html with `data-control`. */
export const HIDABLE_CONTROLS = [
  ['Show test data', 'showTestData'], ['Discretize output', 'discretize'], ['Play button', 'playButton'],
  ['Step button', 'stepButton'], ['Reset button', 'resetButton'], ['Learning rate', 'learningRate'],
  ['Activation', 'activation'], ['Regularization', 'regularization'], ['Regularization rate', 'regularizationRate'],
  ['Problem type', 'problem'], ['Which dataset', 'dataset'], ['Ratio train data', 'percTrainData'],
  ['Noise level', 'noise'], ['Batch size', 'batchSize'], ['# of hidden layers (and neurons)', 'numHiddenLayers'],
  ['Optimizer', 'optimizer'], ['Initializer', 'initializer'], ['Presets', 'preset'], ['Your own data', 'ownData'],
];

/** Clicked points travel in the URL up to this many (5 bytes each, about 2 000 characters in all). */
export const MAX_LINK_POINTS = 300;

/** Config and view from a URL hash; unknown or malformed keys keep their defaults. `unread` says, as
 * sentences for the page's banner, which values a reader would miss: a corrupt `activationCode`, a
 * number that is not one in decimal (`learningRate=0x1`, `noise=`). */
export function parseHash(hash) {
  const config = defaultConfig(), view = defaultView();
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  // What could not be read is said, not silently replaced: a classroom link cut short in a chat
  // message would otherwise train tanh where the teacher chose another activation.
  const unread = [];
  const misread = (k, text, value, kept, what) => unread.push(`${k}: ${notANumber(text, value, what)}; using ${kept}.`);
  const num = (k, f) => {
    if (!p.has(k)) return;
    const v = decimal(p.get(k));
    if (Number.isFinite(v)) f(v); else misread(k, p.get(k), v, config[LINK_CONFIG_KEYS[k] || k]);
  };
  const bool = (k, f) => { if (p.has(k)) f(p.get(k) === 'true'); };
  if (p.get('problem') === 'regression') config.problem = 'regression';
  if (config.problem === 'regression') { config.dataset = p.get('regDataset') || 'reg-plane'; }
  else if (p.get('dataset')) config.dataset = p.get('dataset');
  num('classes', v => config.classes = v); num('noise', v => config.noise = v); num('percTrainData', v => config.percTrainData = v);
  num('batchSize', v => config.batchSize = v); num('learningRate', v => config.learningRate = v);
  num('regularizationRate', v => config.regularizationRate = v);
  if (p.has('networkShape')) {
    const shape = p.get('networkShape') === '' ? [] : p.get('networkShape').split(',').map(decimal);
    if (shape.every(Number.isFinite)) config.networkShape = shape; else misread('networkShape', p.get('networkShape'), NaN, config.networkShape.join(','), 'a list of unit counts in decimal');
  }
  const list = rawValue(hash, 'activations'), one = rawValue(hash, 'activation');
  if (list) config.activations = splitActivations(list);
  else if (one) config.activations = [one];
  if (p.get('params')) config.activationParameters = parseParams(p.get('params'), unread);
  const coded = p.has('activationCode') ? decodeActivations(p.get('activationCode')) : null;
  if (coded) Object.assign(config, coded);
  else if (p.has('activationCode')) unread.push(`activationCode: it could not be read (cut short or altered?); using ${config.activations.join(', ')}.`);
  const reg = (p.get('regularization') || 'none').toLowerCase(); config.regularization = reg;
  if (p.get('initZero') === 'true') config.initializer = 'zeros';  // TensorFlow Playground's key; ours below wins
  for (const k of ['optimizer', 'initializer', 'output']) if (p.get(k)) config[k] = p.get(k);
  bool('normalize', v => config.normalize = v);
  num('weightSeed', v => config.seed = v);
  num('seed', s => config.dataSeed = s < 1 ? Math.round(s * 1e5) : Math.round(s));
  num('maxEpochs', v => config.maxEpochs = v); num('stopLoss', v => config.stopLoss = v); num('epochsPerFrame', v => config.epochsPerFrame = v);
  if (Object.keys(FEATURE_KEYS).some(k => p.has(k))) config.features = Object.entries(FEATURE_KEYS).filter(([k]) => p.get(k) === 'true').map(([, f]) => f);
  bool('showTestData', v => view.showTestData = v); bool('discretize', v => view.discretize = v);
  if (p.get('linkMode') === 'gradients') view.linkMode = 'gradients';
  view.hidden = HIDABLE_CONTROLS.map(([, name]) => name).filter(name => p.get(name + '_hide') === 'true');
  bool('hideText', v => view.hideText = v);
  const points = p.has('points') ? decodePoints(p.get('points'), config.problem) : [];
  return { config, view, points, unread };
}

/** The hash for a config, view and clicked points, TensorFlow Playground's keys first. */
export function toHash(c, view, points = []) {
  const p = new URLSearchParams();
  // A link that hides the activation does not name it in the address either, where a student would read
  // it first: it goes as `activationCode` (see encodeActivations), with its parameters.
  const hidden = view.hidden.includes('activation');
  const activations = hidden ? 'activationCode=' + encodeActivations(c)
    : c.activations.length === 1 ? 'activation=' + encodeActivation(c.activations[0]) : 'activations=' + c.activations.map(encodeActivation).join(',');
  p.set('batchSize', c.batchSize);
  if (c.problem === 'regression') p.set('regDataset', c.dataset); else p.set('dataset', c.dataset);
  p.set('learningRate', c.learningRate);
  if (c.regularization !== 'none') p.set('regularization', c.regularization.toUpperCase());
  p.set('regularizationRate', c.regularizationRate); p.set('noise', c.noise); p.set('networkShape', c.networkShape.join(','));
  p.set('seed', c.dataSeed); p.set('showTestData', view.showTestData); p.set('discretize', view.discretize);
  p.set('percTrainData', c.percTrainData);
  for (const [k, f] of Object.entries(FEATURE_KEYS)) p.set(k, c.features.includes(f));
  p.set('problem', c.problem);
  const params = formatParams(c.activationParameters); if (params && !hidden) p.set('params', params);
  p.set('optimizer', c.optimizer); p.set('initializer', c.initializer); p.set('output', c.output); p.set('normalize', c.normalize);
  p.set('weightSeed', c.seed); p.set('classes', c.classes);
  if (c.maxEpochs) p.set('maxEpochs', c.maxEpochs); if (c.stopLoss) p.set('stopLoss', c.stopLoss);
  if (c.epochsPerFrame !== 1) p.set('epochsPerFrame', c.epochsPerFrame);
  if (view.linkMode !== 'weights') p.set('linkMode', view.linkMode);
  for (const name of view.hidden) p.set(name + '_hide', 'true');
  if (view.hideText) p.set('hideText', 'true');
  if (points.length && points.length <= MAX_LINK_POINTS) p.set('points', encodePoints(points, c.problem));
  return '#' + activations + '&' + p.toString();
}

// An activation in the address: a formula keeps its `+` (form encoding would read it as a space), so it
// is percent-encoded as a URI component, with `( ) * = , ;` left as they are to stay readable.
const encodeActivation = id => encodeURIComponent(id).replace(/%3D/g, '=').replace(/%2C/g, ',').replace(/%3B/g, ';');

/** The activations and their parameters of a link that hides them, as base64url of their JSON: it does
 * not read at a glance, which is all it is for (anyone may decode it; the page's frames name the
 * activation too, for a student who opens the browser's developer tools). */
function encodeActivations(c) {
  const bytes = new TextEncoder().encode(JSON.stringify({ activations: c.activations, activationParameters: c.activationParameters }));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `encodeActivations` read back: {activations, activationParameters}, or null for anything else. */
function decodeActivations(code) {
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, ch => ch.charCodeAt(0))));
    const listOk = Array.isArray(value.activations) && value.activations.length > 0 && value.activations.every(a => typeof a === 'string');
    const paramsOk = value.activationParameters && typeof value.activationParameters === 'object' && !Array.isArray(value.activationParameters);
    return listOk ? { activations: value.activations, ...(paramsOk ? { activationParameters: value.activationParameters } : {}) } : null;
  } catch { return null; }
}

/** The value of `key` in a hash, decoded as a URI component (`+` stays `+`); null when absent. */
function rawValue(hash, key) {
  const part = hash.replace(/^#/, '').split('&').find(kv => kv.startsWith(key + '='));
  if (part === undefined) return null;
  const text = part.slice(key.length + 1);
  try { return decodeURIComponent(text); } catch { return text; }
}

// points: base64url, 5 bytes per point: x1 and x2 in hundredths (int16, big-endian), then the label as
// an int8 (the class index, or for regression the target in hundredths, ±1.27 at most).
const labelByte = (label, problem) => problem === 'regression' ? Math.max(-127, Math.min(127, Math.round(label * 100))) : label;

export function encodePoints(points, problem) {
  const bytes = new DataView(new ArrayBuffer(5 * points.length));
  points.forEach(([x1, x2, label], i) => {
    bytes.setInt16(5 * i, Math.round(x1 * 100)); bytes.setInt16(5 * i + 2, Math.round(x2 * 100));
    bytes.setInt8(5 * i + 4, labelByte(label, problem));
  });
  const text = btoa(String.fromCharCode(...new Uint8Array(bytes.buffer)));
  return text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The points of a `points=` value; [] when it does not read. */
export function decodePoints(text, problem) {
  let binary;
  try { binary = atob(text.replace(/-/g, '+').replace(/_/g, '/')); } catch { return []; }
  if (binary.length % 5 !== 0) return [];
  const bytes = new DataView(Uint8Array.from(binary, ch => ch.charCodeAt(0)).buffer), points = [];
  for (let i = 0; i < binary.length / 5 && i < MAX_LINK_POINTS; i++) {
    const label = bytes.getInt8(5 * i + 4);
    points.push([bytes.getInt16(5 * i) / 100, bytes.getInt16(5 * i + 2) / 100, problem === 'regression' ? label / 100 : label]);
  }
  return points;
}

/** A link's keys whose configuration key has another name (TensorFlow Playground's `seed` is the data's). */
const LINK_CONFIG_KEYS = { weightSeed: 'seed', seed: 'dataSeed' };

/** Why `text`, which `decimal` read as `value` (NaN or ±∞), is no number for a link, in a few words;
 * `what` it should be. */
function notANumber(text, value, what = 'a decimal number') {
  if (text === '') return 'has no value';
  return Number.isNaN(value) ? `'${text.slice(0, 40)}' is not ${what}` : `'${text.slice(0, 40)}' is too large`;
}

/** The number `text` spells in decimal (`0.03`, `-1.5e-3`), or NaN: JavaScript's own reading takes `0x10`
 * as 16, `''` as 0 and `' 5 '` as 5, which in a link are a typo or a cut, not a number meant. */
export function decimal(text) {
  // No two parts may match the same digits: `\d+\.?\d*` split a run of digits in every way before it gave
  // up, and a 30 000-digit value froze the tab for seconds.
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
}

// params=0:slope=0.1;1:slope=0.2,x=1
function parseParams(text, unread) {
  const out = {};
  for (const part of text.split(';')) {
    const [layer, rest] = part.split(':');
    if (rest === undefined) continue;
    out[layer] = {};
    for (const kv of rest.split(',')) {
      const [k, v = ''] = kv.split('=');
      if (!k) continue;
      const value = decimal(v);
      if (Number.isFinite(value)) out[layer][k] = value;
      else unread.push(`params: ${layer.slice(0, 10)}:${k.slice(0, 40)} ${notANumber(v, value)}; using its default.`);
    }
  }
  return out;
}

function formatParams(params) {
  return Object.entries(params || {}).filter(([, v]) => Object.keys(v).length)
    .map(([l, v]) => l + ':' + Object.entries(v).map(([k, x]) => `${k}=${x}`).join(',')).join(';');
}

/** JSON with every object's keys sorted: the server's encoder does not keep key order from one frame
 * to the next, so two equal configurations can stringify differently. */
export const canonicalJSON = value => JSON.stringify(value, (_, v) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : v);

/** The entries of an `activations=` list: ids and formulas separated by commas, where a comma inside
 * parentheses belongs to a formula (`relu,f(x)=max(0.1*x, x)` is two entries), as on the command line.
 * URLSearchParams has already undone the percent-encoding that keeps `+ = ; ?` of a formula intact. */
export function splitActivations(text) {
  const entries = []; let current = '', depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(depth - 1, 0);
    else if (ch === ',' && depth === 0) { entries.push(current); current = ''; continue; }
    current += ch;
  }
  entries.push(current);
  return entries.map(e => e.trim()).filter(e => e !== '');
}

/** Whether an activation is the user's own formula (`f(x) = …`) rather than a catalog id: the server's test. */
export const isFormula = id => /^\s*f\s*\(/.test(id);

/** Every hidden layer's activation id. */
export function layerActivations(c) {
  return c.networkShape.map((_, i) => c.activations.length === 1 ? c.activations[0] : (c.activations[i] || c.activations[0]));
}

/** Activations list with one entry per layer, or one for all when they agree. */
export function compactActivations(list) {
  return list.length > 0 && list.every(a => a === list[0]) ? [list[0]] : list;
}
