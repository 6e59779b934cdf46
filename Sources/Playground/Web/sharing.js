// What travels with a link: the points note, the classroom flags and their checklist; and redrawing
// when the theme changes.
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
 * explanations with `hideText`. A style rule, so that elements drawn later (each layer's menu) hide too.
 * A link that hides anything is a student's: it hides the classroom checklist and the Run panel as well,
 * and `body.hide-activation` tells the panels not to name the activation. */
export function applyHiddenControls(view) {
  $('hiddenControls').textContent = view.hidden.length ? view.hidden.map(name => `[data-control="${name}"]`).join(', ') + ' { display: none !important; }' : '';
  document.body.classList.toggle('hide-text', view.hideText);
  document.body.classList.toggle('student', view.hidden.length > 0 || view.hideText);
  document.body.classList.toggle('hide-activation', view.hidden.includes('activation'));
}

/** The classroom checklist: ticked = shown. It edits `classroom` ({hidden, hideText}), which only the
 * link it writes carries: this page's own address and controls stay as they are. `changed` rewrites the link. */
export function buildClassroom(classroom, changed) {
  const rows = [...HIDABLE_CONTROLS, ['Explanations (hideText)', 'hideText']];
  $('hideList').replaceChildren(...rows.map(([label, name]) => {
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', name });
    box.checked = !(name === 'hideText' ? classroom.hideText : classroom.hidden.includes(name));
    box.onchange = () => {
      if (name === 'hideText') classroom.hideText = !box.checked;
      else classroom.hidden = box.checked ? classroom.hidden.filter(n => n !== name) : [...classroom.hidden, name];
      changed();
    };
    const row = Object.assign(document.createElement('label'), { className: 'check' });
    row.append(box, ' ' + label);
    return row;
  }));
  $('copyLink').onclick = async () => {
    $('shareLink').select();
    try { await navigator.clipboard.writeText($('shareLink').value); $('copyLink').textContent = 'Copied'; }
    catch { $('copyLink').textContent = 'Press Ctrl+C'; }  // no clipboard access: the link is selected
    setTimeout(() => { $('copyLink').textContent = 'Copy'; }, 2000);
  };
}

/** Shows the classroom link (`hash` is the setup with the classroom's hide flags). */
export const showShareLink = hash => {
  $('shareLink').value = location.origin + location.pathname + hash;
  $('openLink').href = $('shareLink').value;
};

/** Calls `changed` when the theme changes (theme.js wires the header's toggle), to redraw the canvases. */
export const wireTheme = changed => window.addEventListener('themechange', changed);
