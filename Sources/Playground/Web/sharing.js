// What travels with a link and how the page looks: the points note, the classroom flags and their
// checklist, and the light or dark theme.
import { HIDABLE_CONTROLS, MAX_LINK_POINTS } from './state.js';

const $ = id => document.getElementById(id);

/** What the link holds of the user's points, and what to do beyond it. `uploaded`: whether the
 * session trains on an uploaded CSV. */
export function pointsNote(clicked, uploaded) {
  const parts = [];
  if (clicked > 0 && clicked <= MAX_LINK_POINTS) parts.push(`Your ${clicked} clicked point${clicked === 1 ? ' is' : 's are'} in the link (it holds up to ${MAX_LINK_POINTS}).`);
  if (clicked > MAX_LINK_POINTS) parts.push(`${clicked} clicked points are more than a link holds (${MAX_LINK_POINTS}, about 2 000 characters): the link leaves them out. Export model JSON keeps them all; Import restores them.`);
  if (uploaded) parts.push('Uploaded CSV points are not in the link (up to 5000 points do not fit in a URL): Export model JSON keeps them, and Import restores them.');
  return parts.join(' ');
}

/** Hides the controls the link names (`<control>_hide=true`, elements marked `data-control`), and the
 * explanations with `hideText`. A style rule, so that elements drawn later (each layer's menu) hide too. */
export function applyHiddenControls(view) {
  $('hiddenControls').textContent = view.hidden.length ? view.hidden.map(name => `[data-control="${name}"]`).join(', ') + ' { display: none !important; }' : '';
  document.body.classList.toggle('hide-text', view.hideText);
}

/** The classroom checklist: ticked = shown. Changing it edits `view` and calls `changed` (which
 * rewrites the link); this page keeps showing everything, as TensorFlow Playground's does. */
export function buildClassroom(view, changed) {
  const rows = [...HIDABLE_CONTROLS, ['Explanations (hideText)', 'hideText']];
  $('hideList').replaceChildren(...rows.map(([label, name]) => {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox' });
    box.checked = !(name === 'hideText' ? view.hideText : view.hidden.includes(name));
    box.onchange = () => {
      if (name === 'hideText') view.hideText = !box.checked;
      else view.hidden = box.checked ? view.hidden.filter(n => n !== name) : [...view.hidden, name];
      changed();
    };
    const row = Object.assign(document.createElement('label'), { className: 'check' });
    row.append(box, ' ' + label);
    return row;
  }));
  $('copyLink').onclick = async () => {
    $('shareLink').select();
    try { await navigator.clipboard.writeText(location.href); $('copyLink').textContent = 'Copied'; }
    catch { $('copyLink').textContent = 'Press Ctrl+C'; }  // no clipboard access: the link is selected
    setTimeout(() => { $('copyLink').textContent = 'Copy'; }, 2000);
  };
}

export const showShareLink = () => { $('shareLink').value = location.href; };

const storedTheme = () => { try { return localStorage.getItem('theme'); } catch { return null; } };

/** Light or dark: theme.js starts from the stored choice, else the system's; the toggle stores a
 * choice, and without one the page follows the system as it changes. `changed` redraws the canvases. */
export function wireTheme(changed) {
  const current = () => document.documentElement.dataset.theme;
  const set = theme => { document.documentElement.dataset.theme = theme; label(); changed(); };
  const label = () => { $('theme').textContent = current() === 'dark' ? 'Light' : 'Dark'; };
  label();
  $('theme').onclick = () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    try { localStorage.setItem('theme', next); } catch { /* private mode: this page only */ }
    set(next);
  };
  const system = matchMedia('(prefers-color-scheme: dark)');
  system.addEventListener('change', () => { if (!storedTheme()) set(system.matches ? 'dark' : 'light'); });
}
