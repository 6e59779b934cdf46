// "Your own…": a formula field for the activation menus. As you type, the server parses the formula
// (GET /api/formula); the box shows f and f′, the derivative written out and what was measured, or
// the parse error with a caret under its column. "Use" trains with it.
import { drawCard } from './panels.js';

/** The menus' value for "Your own…": not an id, not a formula. */
export const OWN_OPTION = 'your-own…';

const $ = id => document.getElementById(id);
const escape = s => String(s).replace(/[&<>"]/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[ch]));

/** A formula as a menu or a layer shows it: its text, cut to `width` characters. */
export const formulaLabel = (text, width = 28) => text.length > width ? text.slice(0, width - 1) + '…' : text;

/** The "Your own" group of an activation menu: the formulas in use (each its own option, so that a
 * menu can show it), then "Your own…", which opens the field. */
export function ownOptions(formulas) {
  return '<optgroup label="Your own">' + [...new Set(formulas)].map(f =>
    `<option value="${escape(f)}" title="${escape(f)}">${escape(formulaLabel(f))}</option>`).join('') +
    `<option value="${OWN_OPTION}">Your own…</option></optgroup>`;
}

/** `{ ok, curve }` for a formula that parses, else `{ ok: false, message, column }` (column 1-based,
 * null when the error concerns the whole formula): the server's words, without its caret drawing. */
export async function checkFormula(text, parameters = {}) {
  const res = await fetch(formulaURL(text, parameters));
  const json = await res.json().catch(() => null);
  if (res.ok && json) return { ok: true, curve: json };
  const error = json && json.error ? json.error : { message: `${res.status} ${res.statusText}`, column: null };
  return { ok: false, message: error.message.split('\n')[0], column: error.column ?? null };
}

/** `GET /api/formula` for `text` with `parameters`. Percent-encoded by hand: the server reads `+` in a
 * query as a plus sign, so spaces must not travel as `+` (URLSearchParams's form encoding). */
export const formulaURL = (text, parameters = {}) => '/api/formula?' +
  [['text', text], ...Object.entries(parameters)].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** The formula and a caret under `column`, as the command line prints them. */
export const caretLines = (text, column) => text + '\n' + ' '.repeat(Math.max(column - 1, 0)) + '^';

/** The field: `use(text, target)` applies a checked formula to `target` (null: every hidden layer;
 * a number: that layer). */
export class FormulaField {
  constructor(use) {
    this.use = use; this.target = null; this.timer = null; this.asked = 0; this.result = null;
    $('formulaText').addEventListener('input', () => this.schedule());
    $('formulaText').addEventListener('keydown', e => { if (e.key === 'Enter') this.apply(); if (e.key === 'Escape') this.close(); });
    $('formulaUse').onclick = () => this.apply();
    $('formulaClose').onclick = () => this.close();
  }

  /** Opens the field for `target`, holding `text` (the layer's formula, or an example). */
  open(target, text) {
    this.target = target;
    $('formulaTarget').textContent = target === null ? 'every hidden layer' : `hidden layer ${target + 1}`;
    $('formulaText').value = text;
    $('formulaBox').hidden = false;
    $('formulaText').focus();
    this.check();
  }

  close() { $('formulaBox').hidden = true; clearTimeout(this.timer); }

  schedule() { clearTimeout(this.timer); this.timer = setTimeout(() => this.check(), 200); }

  /** Asks the server about the current text; an answer to an older question is dropped. */
  async check() {
    const text = $('formulaText').value.trim(), asked = ++this.asked;
    let result;
    try { result = text ? await checkFormula(text) : { ok: false, message: 'Type a formula, e.g. f(x) = x*sigmoid(1.5*x).', column: null }; }
    catch (e) { result = { ok: false, message: `the server did not answer: ${e.message}`, column: null }; }
    if (asked !== this.asked) return;
    this.result = { text, ...result };
    this.show(this.result);
  }

  show(r) {
    $('formulaText').toggleAttribute('aria-invalid', !r.ok);
    $('formulaUse').disabled = !r.ok;
    $('formulaError').textContent = r.ok ? '' : r.message;
    $('formulaCaret').textContent = !r.ok && r.column ? caretLines(r.text, r.column) : '';
    $('formulaCaret').hidden = !(!r.ok && r.column);
    drawCard($('formulaChart'), r.ok ? r.curve : null);
    $('formulaDerivative').innerHTML = r.ok ? `<div>f(x) = ${escape(r.curve.formula)}</div><div>f′(x) = ${escape(r.curve.derivativeFormula)}</div>` : '';
    $('formulaNotes').replaceChildren(...(r.ok ? notes(r.curve) : []).map(n => Object.assign(document.createElement('li'), { textContent: n })));
  }

  /** Applies the formula once the server has accepted this very text. */
  async apply() {
    clearTimeout(this.timer);
    const text = $('formulaText').value.trim();
    if (!this.result || this.result.text !== text || !this.result.ok) await this.check();  // a refusal may have been a busy server
    if (!this.result.ok) { $('formulaText').focus(); return; }
    this.close();
    await this.use(text, this.target);
  }
}

/** What the server measured, in sentences: range, warnings, and the catalog function that computes
 * the same thing stably. */
function notes(curve) {
  const list = [`range ${curve.outputRange}`];
  for (const w of curve.warnings || []) list.push(`Warning: ${w}.`);
  if ((curve.catalogMatches || []).length) list.push(`This is ${curve.catalogMatches.join(', ')} from the catalog, which computes it stably; your formula is evaluated as written.`);
  return list;
}
