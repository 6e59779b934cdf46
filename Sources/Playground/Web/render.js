// What a draw may know about the page without asking the layout engine: each element's CSS size (kept
// by a ResizeObserver) and whether it is on screen (an IntersectionObserver), and the theme's colours
// (kept per theme). Reading clientWidth or a computed style in the middle of a draw, after the draw
// had written to the DOM, forced Chromium to lay out or restyle the page there and then, several times
// a frame. When a size or the visibility changes, `onLayoutChange`'s callback asks for a redraw.

const sizes = new WeakMap(), onScreen = new WeakMap(), written = new WeakMap();
let layoutChanged = () => {};

const resized = new ResizeObserver(entries => {
  let any = false;
  for (const entry of entries) {
    const { width: w, height: h } = entry.contentRect, old = sizes.get(entry.target);
    if (!old || old.w !== w || old.h !== h) { sizes.set(entry.target, { w, h }); any = true; }
  }
  if (any) layoutChanged();
});

const shown = new IntersectionObserver(entries => {
  let appeared = false;
  for (const entry of entries) {
    if (entry.isIntersecting && !onScreen.get(entry.target)) appeared = true;
    onScreen.set(entry.target, entry.isIntersecting);
  }
  if (appeared) layoutChanged();
}, { rootMargin: '64px' });

/** `callback()` when an observed element changed size or came on screen (it should redraw). */
export function onLayoutChange(callback) { layoutChanged = callback; }

/** The CSS content size of `el`, {w, h}: read from the layout once, then kept up to date by the observer. */
export function cssSize(el) {
  let size = sizes.get(el);
  if (!size) { size = { w: el.clientWidth, h: el.clientHeight }; sizes.set(el, size); resized.observe(el); }
  return size;
}

/** Stops following `el` (an element about to be dropped: an observer keeps what it observes alive). */
export function forget(el) { resized.unobserve(el); shown.unobserve(el); sizes.delete(el); onScreen.delete(el); }

/** Whether any of `el` is on screen (or near it); true until the observer has said otherwise, so
 * that the first draw draws everything. A hidden panel is drawn when it comes into view. */
export function isOnScreen(el) {
  if (!onScreen.has(el)) { onScreen.set(el, true); shown.observe(el); }
  return onScreen.get(el);
}

const themeColours = {};

/** A colour of the page's theme (style.css `--name`), so that charts follow light and dark; read
 * once per theme (theme.js sets `data-theme` on the root for both the toggle and the system's choice). */
export function themed(name) {
  const root = document.documentElement, colours = themeColours[root.dataset.theme] ??= {};
  if (colours[name]) return colours[name];
  const value = getComputedStyle(root).getPropertyValue('--' + name).trim();
  if (value) colours[name] = value;  // an empty value (the style sheet not yet applied) is read again
  return value;
}

/** Writes `html` into `el` only when it differs from what this function wrote there last: each write
 * costs the next frame a style and layout pass. */
export function setHTML(el, html) {
  if (written.get(el) === html) return;
  el.innerHTML = html; written.set(el, html);
}

/** Writes `text` into `el` only when it differs. */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}
