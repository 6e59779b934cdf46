// Loaded in the head, before the first paint: the page's theme is the one stored by the toggle, else
// the system's. style.css holds the colours of both; app.js wires the toggle.
{
  let stored = null;
  try { stored = localStorage.getItem('theme'); } catch (e) { /* storage blocked: follow the system */ }
  document.documentElement.dataset.theme = stored || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}
