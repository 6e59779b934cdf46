// The line charts (loss, gradient flow) and the gradient-flow chart's sequential colour scale.
import { css, mix, sharpContext, themed } from './draw.js';

const fmt = v => Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(0) : +v.toPrecision(2) + '';

/** A line chart: `series` = [{values: [[x, y]…], colour, dash, label}], optional log y. With `hoverAt`
 * (the pointer's position as a fraction of the width) it marks the nearest x of the first series and
 * returns that x (else null). */
export function lineChart(canvas, series, { log = false, yLabel = '', xLabel = 'epoch', yMin = null, hoverAt = null } = {}) {
  const { ctx, w, h } = sharpContext(canvas);
  const pad = { l: yLabel ? 54 : 34, r: 8, t: 8, b: xLabel ? 26 : 14 };
  const tr = v => log ? Math.log10(Math.max(v, 1e-30)) : v;
  const shown = y => Number.isFinite(y) && (!log || y > 0);
  const text = themed('chart-text'), grid = themed('chart-grid');
  ctx.font = '11px system-ui, sans-serif'; ctx.fillStyle = text;
  let [x0, x1, lowest, y1] = extents(series, shown, tr);
  if (x0 === Infinity) { ctx.fillText('no data yet', w / 2 - 28, h / 2); return null; }
  let y0 = yMin ?? lowest;
  if (log) { y0 = Math.floor(y0); y1 = Math.ceil(y1); }
  if (x1 === x0) x1 = x0 + 1;
  if (y1 - y0 < 1e-12) y1 = y0 + (log ? 1 : Math.abs(y0) * 0.1 + 1e-3);
  const X = x => pad.l + (x - x0) / (x1 - x0) * (w - pad.l - pad.r);
  const Y = y => h - pad.b - (tr(y) - y0) / (y1 - y0) * (h - pad.t - pad.b);
  ctx.strokeStyle = grid; ctx.lineWidth = 1;
  const ticks = log ? range(y0, y1, Math.max(1, Math.ceil((y1 - y0) / 5))) : [y0, (y0 + y1) / 2, y1];
  for (const t of ticks) {
    const py = h - pad.b - (t - y0) / (y1 - y0) * (h - pad.t - pad.b);
    ctx.beginPath(); ctx.moveTo(pad.l, py); ctx.lineTo(w - pad.r, py); ctx.stroke();
    ctx.fillText(log ? `1e${t}` : fmt(t), yLabel ? 18 : 2, py + 4);
  }
  ctx.fillText(String(Math.round(x0)), pad.l, h - pad.b + 12);
  const last = String(Math.round(x1)); ctx.fillText(last, w - pad.r - ctx.measureText(last).width, h - pad.b + 12);
  if (xLabel) ctx.fillText(xLabel, w / 2 - 14, h - 3);
  if (yLabel) { ctx.save(); ctx.translate(11, h / 2 + 30); ctx.rotate(-Math.PI / 2); ctx.fillText(yLabel, 0, 0); ctx.restore(); }
  for (const s of series) {
    ctx.strokeStyle = s.colour; ctx.lineWidth = s.width || 1.6; ctx.setLineDash(s.dash || []);
    ctx.beginPath(); traceLine(ctx, s.values, shown, X, Y); ctx.stroke();
  }
  ctx.setLineDash([]);
  if (hoverAt === null || !series[0].values.length) return null;
  const wanted = x0 + (hoverAt * w - pad.l) / (w - pad.l - pad.r) * (x1 - x0);
  const hovered = nearest(series[0].values, wanted)[0];
  ctx.strokeStyle = text; ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(X(hovered), pad.t); ctx.lineTo(X(hovered), h - pad.b); ctx.stroke();
  for (const s of series) {
    const point = s.values.find(p => p[0] === hovered);
    if (!point || !Number.isFinite(point[1]) || (log && point[1] <= 0)) continue;
    ctx.fillStyle = s.colour; ctx.beginPath(); ctx.arc(X(hovered), Y(point[1]), 3, 0, 2 * Math.PI); ctx.fill();
  }
  return hovered;
}

/** The smallest and largest x and transformed y of the series' shown points, in one pass (Infinity when none). */
function extents(series, shown, tr) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const s of series) for (const [x, y] of s.values) {
    if (!shown(y)) continue;
    const v = tr(y);
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (v < y0) y0 = v; if (v > y1) y1 = v;
  }
  return [x0, x1, y0, y1];
}

/** The path through the shown points of `values`, broken where one is not shown, with at most the
 * first, lowest, highest and last point of each pixel column: a run's 2000 records cost the chart's
 * width, not their number, and draw the same line (nothing is allocated per point). */
function traceLine(ctx, values, shown, X, Y) {
  let column = NaN, started = false;
  const kept = [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]];  // first, lowest, highest, last: [index, px, py]
  const keep = (k, i, px, py) => { const p = kept[k]; p[0] = i; p[1] = px; p[2] = py; };
  const flush = () => {
    if (column !== column) return;  // NaN: nothing pending
    const points = kept.filter((p, k) => kept.findIndex(q => q[0] === p[0]) === k).sort((a, b) => a[0] - b[0]);
    for (const [, px, py] of points) { if (started) ctx.lineTo(px, py); else { ctx.moveTo(px, py); started = true; } }
    column = NaN;
  };
  for (let i = 0; i < values.length; i++) {
    const y = values[i][1];
    if (!shown(y)) { flush(); started = false; continue; }
    const px = X(values[i][0]), py = Y(y), c = Math.round(px);
    if (c !== column) { flush(); column = c; for (let k = 0; k < 4; k++) keep(k, i, px, py); continue; }
    if (py < kept[1][2]) keep(1, i, px, py);
    if (py > kept[2][2]) keep(2, i, px, py);
    keep(3, i, px, py);
  }
  flush();
}

/** The point of `values` (sorted by x) whose x is nearest to `x`. */
function nearest(values, x) {
  let lo = 0, hi = values.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (values[mid][0] < x) lo = mid + 1; else hi = mid; }
  return lo > 0 && x - values[lo - 1][0] < values[lo][0] - x ? values[lo - 1] : values[lo];
}

/** Calls `onChange` with the pointer's position over `canvas` as a fraction of its width, and
 * null when it leaves (a touch counts as a hover, for phones). */
export function followPointer(canvas, onChange) {
  const move = ev => { const r = canvas.getBoundingClientRect(); onChange(Math.max(0, Math.min(1, (ev.clientX - r.left) / r.width))); };
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerdown', move);
  canvas.addEventListener('pointerleave', () => onChange(null));
}

function range(a, b, step) { const r = []; for (let v = a; v <= b; v += step) r.push(v); return r; }

// A sequential scale (matplotlib's plasma, sampled): the layer nearest the input is deep blue-violet,
// the output layer orange-yellow, so the order of the gradient lines reads at a glance.
const PLASMA = [[13, 8, 135], [84, 2, 163], [139, 10, 165], [185, 50, 137], [219, 92, 104], [244, 136, 73], [254, 188, 43], [240, 249, 33]];

function plasma(t) {
  const x = Math.max(0, Math.min(1, t)) * (PLASMA.length - 1), i = Math.min(PLASMA.length - 2, Math.floor(x));
  return mix(PLASMA[i], PLASMA[i + 1], x - i);
}

/** The stretch of plasma used: the darkest end disappears on the dark theme, the lightest on the light one. */
const plasmaRange = () => document.documentElement.dataset.theme === 'dark' ? [0.28, 1] : [0.05, 0.82];

/** Colour of layer i of n, input side to output side along the sequential scale. */
export function layerColour(i, n) {
  const [a, b] = plasmaRange(), t = n <= 1 ? 1 : i / (n - 1);
  return css(plasma(a + (b - a) * t));
}

/** The scale as a CSS gradient, for its legend. */
export function layerRamp() {
  const [a, b] = plasmaRange();
  return `linear-gradient(90deg, ${[0, 0.25, 0.5, 0.75, 1].map(t => css(plasma(a + (b - a) * t))).join(', ')})`;
}
