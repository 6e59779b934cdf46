// The network diagram: feature nodes, hidden layers, output; links by weight or gradient.
import { gridPixels, putPixels, diverging, css, fixed, exponential, num, rgb, sharpContext, themed, CLASS_COLOURS, ORANGE, BLUE } from './draw.js';
import { cssSize, forget } from './render.js';
import { ThumbnailAtlas } from './thumbnails.js';
import { LinkRaster, hslColour } from './links.js';

export const FEATURES = [
  { id: 'x1', label: 'X₁' }, { id: 'x2', label: 'X₂' }, { id: 'x1^2', label: 'X₁²' }, { id: 'x2^2', label: 'X₂²' },
  { id: 'x1*x2', label: 'X₁X₂' }, { id: 'sin(x1)', label: 'sin(X₁)' }, { id: 'sin(x2)', label: 'sin(X₂)' },
];

const SVG = 'http://www.w3.org/2000/svg';

/** Makes a click-only element a control the keyboard reaches (Tab) and works (Enter or Space), as a button
 * is: `act(ev)` gets the click, or for a key an event placed at the element (the editor opens beside it). */
function operable(el, act) {
  el.tabIndex = 0;
  el.addEventListener('click', act);
  el.addEventListener('keydown', ev => {
    if (ev.target !== el || (ev.key !== 'Enter' && ev.key !== ' ')) return;
    ev.preventDefault(); ev.stopPropagation();
    const r = el.getBoundingClientRect();
    act({ pageX: r.right + window.scrollX, pageY: r.top + window.scrollY, clientX: r.right, clientY: r.top, stopPropagation() {}, fromKeyboard: true });
  });
}

export class NetworkView {
  constructor(root, handlers) {
    this.root = root; this.h = handlers; this.key = null; this.nodes = []; this.links = []; this.atlas = new ThumbnailAtlas(); this.raster = new LinkRaster();
  }

  /** Rebuilds the DOM when the structure changes. `menu` = {options: the activation menu's HTML,
   * name: id → display name}; `classNames` label the output units when there are several. */
  build(config, menu, outputs, classNames = []) {
    const shape = config.networkShape, most = Math.max(FEATURES.length, ...shape, outputs), columns = shape.length + 2;
    const labelled = outputs > 1, { S, gap, colW } = fit(most, columns, cssSize(this.root.parentElement).w - (labelled ? 56 : 0));
    const key = JSON.stringify([shape, config.features, config.activations, outputs, colW, classNames, menu.options.length]);
    if (key === this.key) return;
    this.key = key;
    this.links = [];
    const top = 76, left = 56;
    this.S = S;
    const width = left + columns * colW + (labelled ? 76 : 20), height = top + most * (S + gap) + 10;
    if (this.canvas) forget(this.canvas);
    this.root.innerHTML = '';
    this.root.style.width = width + 'px'; this.width = width; this.root.style.height = height + 'px';
    // The links and the neurons' thumbnails are drawn on one canvas; the SVG's transparent paths above
    // it only take the pointer (a title, a click to edit), and the neurons' boxes (transparent) the
    // hover and the bias. Restyling 371 SVG paths every frame cost Chromium 50–90 ms of style
    // recalculation per frame on the 16×16 preset; the canvas redraws them in about a millisecond.
    const x = c => left + c * colW + (colW - S) / 2;
    const y = (i, n) => top + (most - n) * (S + gap) / 2 + i * (S + gap);
    this.canvas = linksCanvas(drawnBox(x(0) + S, x(columns - 1) + S, top, y(most - 1, most) + S, width, height));
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('width', width); this.svg.setAttribute('height', height); this.svg.classList.add('links');
    this.root.append(this.canvas, this.svg);
    // features
    this.inputNodes = {};
    FEATURES.forEach((f, i) => {
      const on = config.features.includes(f.id);
      const node = this.node(x(0), y(i, FEATURES.length), `feature${on ? '' : ' off'}`, f.label);
      node.title = `${f.label}: click to ${on ? 'remove' : 'add'} this input`;
      node.setAttribute('role', 'switch'); node.setAttribute('aria-checked', String(on)); node.setAttribute('aria-label', `Input ${f.label}`);
      operable(node, () => this.h.toggleFeature(f.id));
      const show = () => this.h.hover({ kind: 'input', index: config.features.indexOf(f.id), label: f.label, el: node });
      node.addEventListener('mouseenter', show); node.addEventListener('focus', show);
      node.addEventListener('mouseleave', () => this.h.hover(null)); node.addEventListener('blur', () => this.h.hover(null));
      this.inputNodes[f.id] = node;
    });
    // hidden layers and output
    this.layerNodes = [];
    shape.forEach((units, l) => {
      const header = document.createElement('div');
      header.className = 'layer-header'; header.style.left = (left + (l + 1) * colW) + 'px'; header.style.width = colW + 'px';
      header.innerHTML = `<div data-control="numHiddenLayers"><button class="round small" aria-label="Add a neuron to layer ${l + 1}">+</button><button class="round small" aria-label="Remove a neuron from layer ${l + 1}">−</button></div><div class="count">${units} neuron${units === 1 ? '' : 's'}</div>`;
      const [plus, minus] = header.querySelectorAll('button');
      plus.onclick = () => this.h.neurons(l, +1); minus.onclick = () => this.h.neurons(l, -1);
      header.appendChild(this.activationMenu(l, config, menu));
      this.root.appendChild(header);
      this.layerNodes.push(Array.from({ length: units }, (_, i) => this.unit(x(l + 1), y(i, units), l, i, `layer ${l + 1}, neuron ${i + 1}`)));
    });
    const outs = Array.from({ length: outputs }, (_, i) =>
      this.unit(x(shape.length + 1), y(i, outputs), shape.length, i, outputs > 1 ? `output, class ${classNames[i] ?? i}` : 'output'));
    outs.forEach((n, i) => {
      n.classList.add('output-node');
      if (labelled) n.appendChild(classLabel(classNames[i] ?? String(i), outputs === 2 ? [ORANGE, BLUE][i] : CLASS_COLOURS[i % CLASS_COLOURS.length]));
    });
    this.layerNodes.push(outs);
    const label = document.createElement('div');
    label.className = 'layer-header out'; label.style.left = (left + (shape.length + 1) * colW) + 'px'; label.style.width = colW + 'px';
    label.innerHTML = '<div class="count">output</div>';
    this.root.appendChild(label);
  }

  /** A layer's activation menu: the display name in a box that wraps (never clipped), over a native
   * select that takes the clicks. */
  activationMenu(l, config, menu) {
    const box = document.createElement('label');
    box.className = 'layer-act'; box.dataset.control = 'activation';
    const select = document.createElement('select');
    select.setAttribute('aria-label', `Activation of layer ${l + 1}`);
    select.innerHTML = menu.options;
    select.value = config.activations.length === 1 ? config.activations[0] : config.activations[l];
    const text = document.createElement('span');
    const name = menu.name(select.value);
    text.textContent = name.replace(/ \(.*\)$/, '');  // "Sigmoid (logistic)" → "Sigmoid"; the full name is the title
    box.title = `Layer ${l + 1}: ${name}`;
    select.onchange = () => this.h.layerActivation(l, select.value);
    box.append(text, select);
    return box;
  }

  /** A node's box; a feature's has a canvas of its own (its thumbnail changes only with the data). */
  node(left, top, cls, label) {
    const el = document.createElement('div');
    el.className = 'node ' + cls; el.style.left = left + 'px'; el.style.top = top + 'px'; el.at = [left, top];
    el.style.width = el.style.height = this.S + 'px';
    el.innerHTML = (cls.startsWith('feature') ? `<canvas width="${this.S}" height="${this.S}"></canvas>` : '') +
      (label ? `<span class="node-label">${label}</span>` : '');
    this.root.appendChild(el);
    return el;
  }

  unit(left, top, layer, index, label) {
    const el = this.node(left, top, 'unit', '');
    // Focusable: Tab reaches it, and focus (or Enter/Space) shows its output larger, as hovering does.
    el.tabIndex = 0; el.setAttribute('role', 'img'); el.setAttribute('aria-label', `${label}: its output over the plane`);
    const show = () => this.h.hover({ kind: 'unit', layer, index, label, el });
    el.addEventListener('mouseenter', show); el.addEventListener('focus', show);
    el.addEventListener('keydown', ev => { if (ev.target === el && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); show(); } });
    el.addEventListener('mouseleave', () => this.h.hover(null));
    el.addEventListener('blur', ev => { if (!el.contains(ev.relatedTarget)) this.h.hover(null); });
    const bias = document.createElement('div');
    bias.className = 'bias'; bias.title = 'bias: click to edit';
    bias.setAttribute('role', 'button'); bias.setAttribute('aria-label', `Edit the bias of ${label}`);
    operable(bias, ev => { ev.stopPropagation(); this.h.edit(ev, { layer, from: null, to: index, label: `bias of ${label}` }); });
    // Its value is written into the title when the pointer comes, not every frame.
    bias.addEventListener('mouseenter', () => { if (bias.value !== undefined) bias.title = `bias ${fixed(bias.value, 3)} (click to edit)`; });
    el.appendChild(bias);
    el.bias = bias;
    return el;
  }

  centre(el, side) {
    const left = parseFloat(el.style.left), top = parseFloat(el.style.top);
    return [left + (side === 'out' ? this.S : 0), top + this.S / 2];
  }

  /** Updates thumbnails, biases, dead marks and links from a frame. */
  update(frame, decoded, mode) {
    const net = frame.network, features = frame.config.features;
    for (const f of FEATURES) {
      const i = features.indexOf(f.id), el = this.inputNodes[f.id];
      const grid = i >= 0 ? decoded.inputs[i] : featureGrid(f.id, frame.grids.domain);
      // The inputs' grids change only with the data (a new grid object): drawn then, not every frame.
      if (grid && el.grid !== grid) { el.grid = grid; putPixels(el.querySelector('canvas'), gridPixels(grid, 'scaled')); }
    }
    const units = [], grids = [];
    net.layers.forEach((layer, l) => {
      const nodes = this.layerNodes[l] || [];
      nodes.forEach((el, i) => {
        units.push(el); grids.push((l < decoded.hidden.length ? decoded.hidden[l][i] : decoded.outputUnits[i]) || null);
        // The bias's colour is painted on the canvas, under its (transparent) box: a style written to 35
        // boxes every frame cost Chromium a style pass and a repaint of their layers.
        el.bias.value = layer.bias[i]; el.bias.colour = css(diverging(layer.bias[i]));
        // Written only when they change: every write to the DOM costs the next frame a style pass.
        if (el.classList.contains('dead') !== !!layer.dead[i]) el.classList.toggle('dead', !!layer.dead[i]);
        const title = layer.dead[i] ? 'dead: its slope is 0 on every training point, so no gradient reaches it' : '';
        if (el.title !== title) el.title = title;
      });
    });
    this.atlas.update(grids);
    this.units = units;
    this.drawLinks(net, features, mode);
  }

  drawLinks(net, features, mode) {
    const sources = [features.map(id => this.inputNodes[id]), ...this.layerNodes];
    const paths = [];
    let gmax = 0;
    if (mode === 'gradients') for (const layer of net.layers) for (const row of layer.weightGradients) for (const g of row) if (Number.isFinite(num(g))) gmax = Math.max(gmax, Math.abs(num(g)));
    net.layers.forEach((layer, l) => {
      layer.weights.forEach((row, from) => row.forEach((w, to) => {
        const a = sources[l][from], b = sources[l + 1] && sources[l + 1][to];
        if (!a || !b) return;
        let rgb, width;
        if (mode === 'gradients') {
          const g = Math.abs(num((layer.weightGradients[from] || [])[to] || 0));
          const t = g > 0 && gmax > 0 ? Math.max(0, 1 + Math.log10(g / gmax) / 6) : 0;  // six decades
          rgb = hslColour(20 - 20 * t, 30 + 60 * t, 88 - 48 * t); width = 1 + 3 * t;
        } else {
          const v = num(w); rgb = diverging(Math.sign(v) * Math.min(1, Math.abs(v))); width = Number.isFinite(v) ? Math.min(8, 0.6 + 1.6 * Math.abs(v)) : 1;
        }
        paths.push({ a, b, l, from, to, w, rgb, width, alpha: 0.9, g: (layer.weightGradients[from] || [])[to] });
      }));
    });
    if (this.links.length !== paths.length) {
      this.svg.innerHTML = '';
      this.hoveredLink = null;
      this.links = paths.map((p, i) => {
        const path = document.createElementNS(SVG, 'path');
        const [x1, y1] = this.centre(p.a, 'out'), [x2, y2] = this.centre(p.b, 'in'), mx = (x1 + x2) / 2;
        path.setAttribute('d', `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`);
        path.curve = [x1, y1, mx, x2, y2];
        path.addEventListener('click', ev => this.h.edit(ev, { layer: path.info.l, from: path.info.from, to: path.info.to, label: 'weight' }));
        path.addEventListener('mouseenter', () => { this.hoveredLink = i; this.showTitle(path); this.paintLinks(); });
        path.addEventListener('mouseleave', () => { if (this.hoveredLink === i) this.hoveredLink = null; this.paintLinks(); });
        const title = document.createElementNS(SVG, 'title'); path.appendChild(title);
        this.svg.appendChild(path);
        return path;
      });
    }
    paths.forEach((p, i) => { this.links[i].info = p; p.curve = this.links[i].curve; });
    this.linkImage = null;  // drawn again at the next paint
    if (this.hoveredLink !== null && this.links[this.hoveredLink]) this.showTitle(this.links[this.hoveredLink]);
    this.paintLinks();
  }

  /** A link's title (its weight and gradient), written when the pointer is on it rather than every frame. */
  showTitle(path) {
    const p = path.info;
    if (p) path.firstChild.textContent = `weight ${fixed(p.w, 3)}, gradient ${p.g === undefined ? '–' : exponential(p.g, 2)} (click to edit)`;
  }

  /** Draws every link on the canvas (LinkRaster: the image is kept until the links change), the
   * hovered one on top in the ink colour, then the neurons' thumbnails inside their boxes (inside the
   * 1 px border, as a canvas filling the box used to be). */
  paintLinks() {
    const { ctx, w } = sharpContext(this.canvas), ratio = this.canvas.width / w, { left, top } = this.canvas.box;
    const background = themed('bg'), size = [this.canvas.width, this.canvas.height, ratio, background].join();
    if (!this.linkImage || this.linkImageSize !== size) {
      this.linkImage = this.raster.draw(this.links.map(path => path.info).filter(Boolean), this.canvas.width, this.canvas.height, ratio, rgb(background), [left, top]);
      this.linkImageSize = size;
    }
    ctx.putImageData(this.linkImage, 0, 0);
    ctx.translate(-left, -top);  // below, the diagram's coordinates
    const hovered = this.links[this.hoveredLink];
    if (hovered && hovered.info) {
      const [x1, y1, mx, x2, y2] = hovered.curve;
      ctx.strokeStyle = themed('ink'); ctx.lineWidth = hovered.info.width;
      ctx.beginPath(); ctx.moveTo(x1, y1); ctx.bezierCurveTo(mx, y1, mx, y2, x2, y2); ctx.stroke();
    }
    ctx.imageSmoothingEnabled = true;
    (this.units || []).forEach((el, i) => {
      this.atlas.draw(ctx, i, el.at[0] + 1, el.at[1] + 1, this.S - 2, this.S - 2);  // border-box: S includes the border
      // The bias box (style.css .node .bias: 8×8 border-box, 6 px left of and 4 px below the unit's
      // padding box), filled here; its border is the box's own.
      const border = el.classList.contains('dead') ? 2 : 1;
      if (el.bias.colour) { ctx.fillStyle = el.bias.colour; ctx.fillRect(el.at[0] + border - 6, el.at[1] + this.S - border - 4, 8, 8); }
    });
  }
}

/** The part of the diagram that the links' canvas draws on, in the diagram's CSS pixels: from the
 * inputs' right edge to the outputs' right edge (`x0`, `x1`), from the top of the tallest column to its
 * bottom (`y0`, `y1`), with a margin for what reaches past the boxes (a bias box 4 px below and 6 px
 * left of its unit, half the hovered link's width), within the diagram (`width` × `height`). */
function drawnBox(x0, x1, y0, y1, width, height) {
  const margin = 6, left = Math.max(0, Math.floor(x0 - margin)), top = Math.max(0, Math.floor(y0 - margin));  // whole pixels: not resampled
  return { left, top, width: Math.min(width, Math.ceil(x1 + margin)) - left, height: Math.min(height, Math.ceil(y1 + margin)) - top };
}

/** The canvas of the links and the units' thumbnails, covering `box` only. Around it there is nothing
 * but the page's background: a canvas the diagram's size (452×630 on the 16×16 preset, twice this
 * one) made every frame fill, copy and hand to the compositor twice as many pixels. */
function linksCanvas(box) {
  const canvas = document.createElement('canvas');
  canvas.className = 'links'; canvas.box = box;
  Object.assign(canvas.style, { left: box.left + 'px', top: box.top + 'px', width: box.width + 'px', height: box.height + 'px' });
  canvas.getContext('2d', { alpha: false });  // opaque: painted on the page's background (LinkRaster)
  return canvas;
}

/** An output unit's class: its colour and name, right of the unit. */
function classLabel(name, colour) {
  const label = document.createElement('span');
  label.className = 'class-label';
  label.innerHTML = `<i style="background:${css(colour)}"></i>`;
  label.append(name);
  return label;
}

/** Node size, gap and column width: TensorFlow Playground's proportions, smaller for tall layers,
 * and narrower columns (down to 58 px) where the diagram would not fit `available` (a phone). */
function fit(most, columns, available) {
  const dense = most > 10;
  const colW = Math.max(58, Math.min(dense ? 80 : 104, Math.floor((available - 76) / columns)));
  return { S: Math.min(dense ? 26 : 40, Math.round(0.42 * colW)), gap: dense ? 8 : 12, colW };
}

// Thumbnails of the inputs that are switched off (the server sends the ones the network reads).
const FEATURE_VALUES = { 'x1': (a) => a, 'x2': (a, b) => b, 'x1^2': a => a * a, 'x2^2': (a, b) => b * b, 'x1*x2': (a, b) => a * b,
  'sin(x1)': a => Math.sin(a), 'sin(x2)': (a, b) => Math.sin(b) };
const featureCache = {};
function featureGrid(id, domain) {
  const key = id + domain;
  if (featureCache[key]) return featureCache[key];
  const n = 40, values = new Float32Array(n * n);
  let lower = Infinity, upper = -Infinity;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
    const v = FEATURE_VALUES[id](-domain + (c + 0.5) * 2 * domain / n, domain - (r + 0.5) * 2 * domain / n);
    values[r * n + c] = v; lower = Math.min(lower, v); upper = Math.max(upper, v);
  }
  return (featureCache[key] = { size: n, values, lower, upper });
}
