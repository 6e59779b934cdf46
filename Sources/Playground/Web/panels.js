// The panels under the board: activation card, gradient flow, unit health, linear collapse; and the loss chart.
import { sharpContext, gridPixels, classPixels, putPixels, BLUE, ORANGE, css, themed, fixed, num } from './draw.js';
import { lineChart, layerColour, layerRamp } from './charts.js';
import { cssSize, setHTML } from './render.js';

const layerName = (l, n) => l === n - 1 ? 'output' : `layer ${l + 1}`;

/** The record of `epoch` (records are sorted by epoch). */
const recordAt = (records, epoch) => records.find(r => r.epoch === epoch);

/** Training loss grey, test loss in the ink colour (TensorFlow Playground's); returns the record
 * at the hovered epoch, if any. */
export function drawLoss(canvas, records, hoverAt = null) {
  const { train, test } = lossSeries(records);
  const epoch = lineChart(canvas, [
    { values: train, colour: themed('loss-train'), label: 'training' },
    { values: test, colour: themed('loss-test'), label: 'test' },
  ], { xLabel: '', yMin: 0, hoverAt });
  return epoch === null ? null : recordAt(records, epoch);
}

/** The loss chart's [epoch, loss] points, carried from frame to frame: a frame adds a record or two
 * to the list (app.js appends in place), and mapping all of a long run's 2000 records again made 4000
 * arrays a frame. A new list (a new run, thinned, or rewound) is mapped afresh. */
function lossSeries(records) {
  const kept = keptLossSeries;
  if (kept.records !== records || kept.count > records.length) Object.assign(kept, { records, count: 0, train: [], test: [] });
  for (; kept.count < records.length; kept.count++) {
    const r = records[kept.count];
    kept.train.push([r.epoch, r.trainLoss]);
    if (r.testLoss != null) kept.test.push([r.epoch, r.testLoss]);
  }
  return kept;
}
const keptLossSeries = {};

/** One line per layer; the legend gives each layer's value at the hovered epoch, else the last. */
export function drawGradients(canvas, legend, records, hoverAt = null) {
  const n = records.length ? records[records.length - 1].gradients.length : 0;
  const series = Array.from({ length: n }, (_, l) => ({
    values: records.map(r => [r.epoch, r.gradients[l]]), colour: layerColour(l, n), label: layerName(l, n),
  }));
  const hovered = lineChart(canvas, series, { log: true, yLabel: 'mean |∂L/∂W|', hoverAt });
  const shown = hovered === null ? records[records.length - 1] : recordAt(records, hovered);
  const scale = n ? `<div class="layer-scale"><span>layer 1 (input side)</span><i style="background:${layerRamp()}"></i><span>output layer</span></div>` : '';
  setHTML(legend, scale + (hovered === null ? '' : `<b>epoch ${hovered}</b>`) +
    series.map((s, l) => `<span><i style="background:${s.colour}"></i>${s.label} ${shown ? fmtSci(shown.gradients[l]) : ''}</span>`).join(''));
}

/** Dead units and exact zeros per hidden layer. `nameOf` gives an activation's display name; null
 * leaves the activations unnamed (a classroom link that hides the activation). Redrawn only when what
 * it shows (or the canvas's size, or the theme) changed: while training it rarely does. */
export function drawHealth(canvas, records, network, nameOf = id => id) {
  const rows = network.layers.slice(0, -1).map(layer => ({
    name: nameOf ? nameOf(layer.activation) : '', dead: layer.dead.filter(Boolean).length, units: layer.dead.length,
    zeros: layer.zeros.reduce((a, b) => a + b, 0) / Math.max(layer.dead.length, 1),
  }));
  const size = cssSize(canvas), key = JSON.stringify([rows, size.w, size.h, document.documentElement.dataset.theme]);
  if (healthDrawn.get(canvas) === key) return;
  healthDrawn.set(canvas, key);
  const { ctx, w, h } = sharpContext(canvas);
  ctx.font = '11px system-ui, sans-serif';
  const text = themed('chart-text'), ink = themed('ink');
  if (!rows.length) { ctx.fillStyle = text; ctx.fillText('no hidden layers', 10, 20); return; }
  const rowH = Math.min(34, (h - 24) / rows.length), labelW = 92, barW = w - labelW - 8;
  ctx.fillStyle = text; ctx.fillText('dead units', labelW, 12); ctx.fillText('outputs exactly 0', labelW + barW / 2, 12);
  const drawn = rows.map(({ name, dead, units, zeros }, l) => {
    const y = 20 + l * rowH;
    const label = healthLabel(ctx, l, name, y, rowH, labelW - 12, ink, text);
    bar(ctx, labelW, y + 3, barW / 2 - 10, rowH - 8, dead / units, '#b3261e', `${dead}/${units}`);
    bar(ctx, labelW + barW / 2, y + 3, barW / 2 - 10, rowH - 8, zeros, themed('bar-zeros'), `${Math.round(zeros * 100)}%`);
    return label;
  });
  // What the rows say, in words: the full activation names (the canvas shows the short ones).
  canvas.dataset.labels = JSON.stringify(drawn);
  canvas.setAttribute('aria-label', 'Unit health: ' + rows.map(({ name, dead, units, zeros }, l) =>
    `layer ${l + 1}${name ? ` (${name})` : ''}: ${dead} of ${units} dead, ${Math.round(zeros * 100)}% outputs exactly 0`).join('; '));
}
const healthDrawn = new WeakMap();

/** A row's label: "layer N" over its activation where the row is tall enough, else both on one line,
 * cut to `width` so that rows never overlap (eight layers share 200 px). */
function healthLabel(ctx, l, activation, y, rowH, width, ink, text) {
  const x = 6;  // clear of the panel's border
  const fit = s => { let t = s; while (t.length > 1 && ctx.measureText(t).width > width) t = t.slice(0, -2) + '…'; return t; };
  // The short name, as the layer's menu shows it ("Tanh (hyperbolic tangent)" → "Tanh"): the full one was cut
  // to "Tanh (hyperb…". The canvas's label has the full names.
  const short = activation.replace(/ \(.*\)$/, '');
  if (rowH >= 28) {
    const shown = fit(short);
    ctx.fillStyle = ink; ctx.fillText(`layer ${l + 1}`, x, y + rowH / 2 - 1);
    ctx.fillStyle = text; ctx.fillText(shown, x, y + rowH / 2 + 11);
    return shown;
  }
  const shown = fit(short ? `${l + 1} ${short}` : `layer ${l + 1}`);
  ctx.fillStyle = ink; ctx.fillText(shown, x, y + rowH / 2 + 4);
  return shown;
}

function bar(ctx, x, y, w, h, share, colour, text) {
  ctx.fillStyle = themed('bar-empty'); ctx.fillRect(x, y, w, h);
  ctx.fillStyle = colour; ctx.fillRect(x, y, w * Math.max(0, Math.min(1, share)), h);
  // In white on the fill where it holds the whole text, else in ink just past the fill ("2/8" in ink across
  // the edge of a short red fill was hard to read).
  const filled = w * Math.max(0, Math.min(1, share)), inside = filled >= ctx.measureText(text).width + 8;
  ctx.fillStyle = inside ? '#fff' : themed('ink');
  ctx.fillText(text, inside ? x + 4 : x + filled + 4, y + h / 2 + 4);
}

/** f solid, f′ dashed, and the histogram of this layer's sums. */
export function drawCard(canvas, curve, layer) {
  const { ctx, w, h } = sharpContext(canvas);
  if (!curve) return;
  const pad = { l: 30, r: 8, t: 8, b: 20 };
  const ys = [...curve.f, ...curve.derivative].filter(Number.isFinite);
  let y0 = Math.min(0, ...ys), y1 = Math.max(1, ...ys);
  const clip = 6; y0 = Math.max(y0, -clip); y1 = Math.min(y1, clip);
  const x0 = curve.x[0], x1 = curve.x[curve.x.length - 1];
  const X = x => pad.l + (x - x0) / (x1 - x0) * (w - pad.l - pad.r);
  const Y = y => h - pad.b - (Math.max(y0, Math.min(y1, y)) - y0) / (y1 - y0) * (h - pad.t - pad.b);
  const hist = layer && layer.histogram;
  if (hist) {
    const max = Math.max(1, ...hist.counts), bw = (X(hist.upper) - X(hist.lower)) / hist.counts.length;
    ctx.fillStyle = themed('histogram');
    hist.counts.forEach((c, i) => { const bh = c / max * (h - pad.t - pad.b) * 0.45; ctx.fillRect(X(hist.lower) + i * bw, h - pad.b - bh, bw - 1, bh); });
  }
  ctx.strokeStyle = themed('chart-grid'); ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(pad.l, Y(0)); ctx.lineTo(w - pad.r, Y(0)); ctx.moveTo(X(0), pad.t); ctx.lineTo(X(0), h - pad.b); ctx.stroke();
  ctx.fillStyle = themed('chart-text'); ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(String(+x0.toFixed(2)), pad.l, h - 5); ctx.fillText(String(+x1.toFixed(2)), w - pad.r - 20, h - 5);
  ctx.fillText(String(+y1.toFixed(2)), 2, pad.t + 8); ctx.fillText(String(+y0.toFixed(2)), 2, h - pad.b);
  const line = (values, colour, dash) => {
    ctx.strokeStyle = colour; ctx.lineWidth = 2; ctx.setLineDash(dash); ctx.beginPath();
    let on = false;
    values.forEach((v, i) => { if (!Number.isFinite(v)) { on = false; return; } const p = [X(curve.x[i]), Y(v)]; on ? ctx.lineTo(...p) : ctx.moveTo(...p); on = true; });
    ctx.stroke(); ctx.setLineDash([]);
  };
  line(curve.f, css(BLUE), []); line(curve.derivative, css(ORANGE), [5, 4]);
  ctx.fillStyle = css(BLUE); ctx.fillText('f', w - 40, pad.t + 10); ctx.fillStyle = css(ORANGE); ctx.fillText('f′ (dashed)', w - 70, pad.t + 24);
}

export function drawCollapse(frame, decoded, deepCanvas, collapseCanvas, textEl, discretize) {
  // At the grids' own size, scaled by CSS, as the heatmap.
  const draw = (canvas, grids) => putPixels(canvas, grids.length > 1 ? classPixels(grids, discretize) : gridPixels(grids[0], 'value', discretize));
  draw(deepCanvas, decoded.output); draw(collapseCanvas, decoded.collapse);
  const c = frame.collapse;
  const matrix = '<table class="matrix"><caption>M (inputs × outputs)</caption>' + c.matrix.map((row, i) =>
    `<tr><th>${frame.network.inputs[i]}</th>${row.map(v => `<td>${fixed(v, 3)}</td>`).join('')}</tr>`).join('') +
    `<tr><th>v</th>${c.bias.map(v => `<td>${fixed(v, 3)}</td>`).join('')}</tr></table>`;
  const verdict = c.allLinear
    ? `<p class="ok">Every hidden layer is linear, so the network <em>is</em> this one layer: the largest difference on the grid is ${fmtSci(c.maxDifference)}.</p>`
    : `<p>With nonlinear activations the product is not the network: the largest difference on the grid is ${fixed(c.maxDifference, 2)}. Try the Linear collapse preset.</p>`;
  setHTML(textEl, verdict + matrix);
}

export function fmtSci(value) {
  if (value === undefined || value === null) return '–';
  const v = num(value);
  if (!Number.isFinite(v)) return fixed(v, 0);
  return v === 0 ? '0' : Math.abs(v) < 0.001 || Math.abs(v) >= 1e4 ? v.toExponential(1) : (+v.toPrecision(3)).toString();
}
