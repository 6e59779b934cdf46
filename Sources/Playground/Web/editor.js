// The weight and bias editor: a small box by the pointer that accepts a number or says what is wrong.
import { decimal } from './state.js';

/** The server refuses weights larger than this in size (PlaygroundEngine.setWeight). */
export const MAX_WEIGHT = 1e6;


/** `{ value }` for text that is a finite number of at most MAX_WEIGHT in size, else `{ error }`
 * saying what is wrong with it, in the words a person typed. */
export function parseWeight(text) {
  const t = text.trim();
  if (t === '') return { error: 'Type a number, e.g. 0.5 or -1.2.' };
  if (/^[+-]?\d*,\d+$/.test(t)) return { error: `"${t}" has a comma: write decimals with a point, e.g. ${t.replace(',', '.')}.` };
  const value = decimal(t);
  if (Number.isNaN(value)) return { error: `"${t}" is not a number: use digits, an optional sign and point, e.g. -0.25 or 1e-3.` };
  if (!Number.isFinite(value) || Math.abs(value) > MAX_WEIGHT) return { error: `${t} is too large: a weight is at most 1e6 (a million) in size.` };
  return { value };
}

/** Opens the editor at the pointer for `label` with `value`; `commit(number)` runs for valid input
 * (its returned promise's rejection is shown in the box); junk keeps the box open with a message. */
export function openEditor(box, ev, label, value, commit) {
  const input = box.querySelector('input'), message = box.querySelector('.editor-error');
  box.querySelector('span').textContent = label;
  input.value = Number.isFinite(value) ? value.toFixed(3) : '';
  message.textContent = ''; input.removeAttribute('aria-invalid');
  box.style.left = (ev.pageX + 6) + 'px'; box.style.top = (ev.pageY + 6) + 'px'; box.hidden = false;
  input.focus(); input.select();
  const set = () => {
    const parsed = parseWeight(input.value);
    if (parsed.error) { message.textContent = parsed.error; input.setAttribute('aria-invalid', 'true'); input.focus(); return; }
    box.hidden = true;
    commit(parsed.value);
  };
  box.querySelector('button').onclick = set;
  input.onkeydown = e => { if (e.key === 'Enter') set(); if (e.key === 'Escape') box.hidden = true; };
}
