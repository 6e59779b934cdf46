// Drawing: colour scales, grids decoded from frames, heatmaps with points (the line charts are in charts.js).
import { cssSize, themed } from './render.js';

export { themed };

export const ORANGE = [245, 147, 34];   // −1 (TensorFlow Playground's #f59322)
export const NEUTRAL = [232, 234, 235]; //  0 (#e8eaeb)
export const BLUE = [8, 119, 189];      // +1 (#0877bd)
export const CLASS_COLOURS = [ORANGE, BLUE, [52, 160, 84], [156, 84, 190], [214, 60, 80], [120, 120, 120], [30, 170, 170], [170, 140, 30], [90, 90, 200], [200, 100, 160]];

export const mix = (a, b, t) => [0, 1, 2].map(i => Math.round(a[i] + (b[i] - a[i]) * t));

/** Orange → grey → blue for a value in [−1, 1] (clamped). */
export function diverging(v) {
  if (!Number.isFinite(v)) return NEUTRAL;
  const t = Math.max(-1, Math.min(1, v));
  return t < 0 ? mix(NEUTRAL, ORANGE, -t) : mix(NEUTRAL, BLUE, t);
}

/** A frame's number: the server sends NaN and ±∞ as the strings "NaN", "Infinity", "-Infinity". */
export const num = v => typeof v === 'number' ? v : Number(v);

/** `v` with `digits` decimals, or "NaN", "∞", "−∞" (never throws on a non-number). */
export function fixed(v, digits) {
  const x = num(v);
  if (Number.isFinite(x)) return x.toFixed(digits);
  return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
}

/** `v` in scientific notation with `digits` decimals, or "NaN", "∞", "−∞". */
export function exponential(v, digits) {
  const x = num(v);
  return Number.isFinite(x) ? x.toExponential(digits) : fixed(x, digits);
}

export const css = c => `rgb(${c[0]},${c[1]},${c[2]})`;

/** A CSS colour written #rgb or #rrggbb (the theme's, style.css) as [r, g, b]; white for anything else. */
export function rgb(text) {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!hex) return [255, 255, 255];
  const digits = hex[1].length === 3 ? [...hex[1]].map(d => d + d) : hex[1].match(/../g);
  return digits.map(d => parseInt(d, 16));
}

/** A grid sent as bytes: cell i's value is lower + bytes[i]·(upper − lower)/255. The values are worked
 * out when first asked for: most grids are only coloured, and a cell's colour is a function of its byte. */
export function byteGrid(size, lower, upper, bytes) {
  let values = null;
  return { size, lower, upper, bytes, get values() {
    if (!values) {
      const scale = (upper - lower) / 255;
      values = new Float32Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) values[i] = lower + bytes[i] * scale;
    }
    return values;
  } };
}

/** A frame's base64 grid. */
export const decodeGrid = g => byteGrid(g.size, g.lower, g.upper, Uint8Array.from(atob(g.data), ch => ch.charCodeAt(0)));

/** Writes the colour `colourOf(i)` (a 32-bit RGBA word, `word`) of each of a grid's n×n cells into the
 * RGBA bytes `d`, row by row from pixel `at` with `stride` pixels a row (an ImageData of the grid's own
 * size, or a region of a larger one). A grid sent as bytes has at most 256 values, and a cell's colour
 * depends only on its byte (`keys[i]`, a small integer below `keyCount`): each colour is worked out
 * once per key, not once per cell (the page spent a fifth of its time here on the 16×16 preset). */
function fillPixels(d, n, at, stride, keys, keyCount, colourOf) {
  const words = new Uint32Array(d.buffer, d.byteOffset, d.length >> 2);
  const cache = keys ? new Uint32Array(keyCount) : null;  // 0: not yet worked out (a colour's alpha is 255)
  for (let row = 0, i = 0; row < n; row++) {
    for (let column = 0, p = at + row * stride; column < n; column++, i++, p++) {
      if (!keys) { words[p] = colourOf(i); continue; }
      const key = keys[i];
      words[p] = cache[key] || (cache[key] = colourOf(i));
    }
  }
}

/** An [r, g, b] colour as the RGBA word of a little-endian ImageData (opaque). */
const word = c => (c[0] | c[1] << 8 | c[2] << 16 | 255 << 24) >>> 0;

/** `word(diverging(v))` without the arrays: a frame's thumbnails ask for thousands of colours. */
function divergingWord(v) {
  if (!Number.isFinite(v)) return word(NEUTRAL);
  const t = Math.max(-1, Math.min(1, v)), end = t < 0 ? ORANGE : BLUE, u = Math.abs(t);
  const channel = i => Math.round(NEUTRAL[i] + (end[i] - NEUTRAL[i]) * u);
  return (channel(0) | channel(1) << 8 | channel(2) << 16 | 255 << 24) >>> 0;
}

/** Colours for a grid: `mode` 'value' clamps to [−1, 1]; 'scaled' divides by the largest |v| first. */
export function gridPixels(grid, mode = 'value', discretize = false) {
  const img = new ImageData(grid.size, grid.size);
  writeGridPixels(img.data, 0, grid.size, grid, mode, discretize);
  return img;
}

/** `gridPixels` written into the RGBA bytes `d` from pixel `at`, `stride` pixels a row. */
export function writeGridPixels(d, at, stride, grid, mode = 'value', discretize = false) {
  const m = mode === 'scaled' ? Math.max(Math.abs(grid.lower), Math.abs(grid.upper), 1e-9) : 1;
  // A byte's value from the byte itself: the grid's `values` (an array of n² numbers) are not needed to colour it.
  const bytes = grid.bytes, scale = (grid.upper - grid.lower) / 255;
  fillPixels(d, grid.size, at, stride, bytes || null, 256, i => {
    const v = (bytes ? grid.lower + bytes[i] * scale : grid.values[i]) / m;
    return divergingWord(discretize ? (v >= 0 ? 1 : -1) : v);
  });
}

/** Colours for k class-probability grids: the likeliest class, paler where it is less sure. The last
 * picture is kept: the heatmap and the linear-collapse panel show the same grids in the same frame. */
export function classPixels(grids, discretize = false) {
  if (lastClassPixels.grids === grids && lastClassPixels.discretize === discretize) return lastClassPixels.img;
  const n = grids[0].size, k = grids.length, img = new ImageData(n, n);
  const best = new Uint8Array(n * n), values = grids.map(g => g.values);
  for (let i = 0; i < n * n; i++) {
    for (let c = 1; c < k; c++) if (values[c][i] > values[best[i]][i]) best[i] = c;
  }
  let keys = null;
  if (grids.every(g => g.bytes)) {
    keys = new Uint16Array(n * n);
    for (let i = 0; i < n * n; i++) keys[i] = best[i] * 256 + grids[best[i]].bytes[i];
  }
  fillPixels(img.data, n, 0, n, keys, 256 * k, i => {
    const p = values[best[i]][i];
    const t = discretize ? 1 : Math.max(0, (p - 1 / k) / (1 - 1 / k));
    return word(mix(NEUTRAL, CLASS_COLOURS[best[i] % CLASS_COLOURS.length], 0.25 + 0.75 * t));
  });
  Object.assign(lastClassPixels, { grids, discretize, img });
  return img;
}
const lastClassPixels = {};

const scratch = document.createElement('canvas');
/** Draws ImageData scaled to fill `canvas`. */
export function paint(canvas, img, smooth = true) {
  scratch.width = img.width; scratch.height = img.height;
  scratch.getContext('2d').putImageData(img, 0, 0);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = smooth;
  ctx.drawImage(scratch, 0, 0, canvas.width, canvas.height);
}

/** Puts ImageData on `canvas` at the image's own size, and CSS scales it to the canvas's box: no
 * second canvas and no resampling on the main thread, for the network's thumbnails (40 of them a frame). */
export function putPixels(canvas, img) {
  if (canvas.width !== img.width || canvas.height !== img.height) { canvas.width = img.width; canvas.height = img.height; }
  canvas.getContext('2d').putImageData(img, 0, 0);
}

/** Training points outlined white, test points outlined black (TensorFlow Playground's style). */
export function drawPoints(canvas, points, domain, { test = false, classCount = 2, regression = false } = {}) {
  const ctx = canvas.getContext('2d'), w = canvas.width, h = canvas.height;
  const r = Math.max(2.2, w / 95);
  ctx.lineWidth = w > 100 ? 0.9 : 0.5;
  ctx.strokeStyle = test ? '#111' : '#fff';
  for (const [x1, x2, label] of points) {
    if (Math.abs(x1) > domain || Math.abs(x2) > domain) continue;
    const px = (x1 + domain) / (2 * domain) * w, py = (domain - x2) / (2 * domain) * h;
    const colour = regression ? diverging(label) : classCount === 2 ? (label >= 1 ? BLUE : ORANGE) : CLASS_COLOURS[label % CLASS_COLOURS.length];
    ctx.fillStyle = css(colour);
    ctx.beginPath(); ctx.arc(px, py, r, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
  }
}

/** Canvas sized for the device's pixel ratio; returns the context in CSS pixels. The CSS size is the
 * one the page's ResizeObserver keeps (render.js): reading clientWidth here forced a layout every draw. */
export function sharpContext(canvas) {
  const ratio = window.devicePixelRatio || 1, size = cssSize(canvas);
  const w = size.w || canvas.width, h = size.h || canvas.height;
  if (canvas.width !== Math.round(w * ratio)) { canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio); }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return { ctx, w, h };
}
