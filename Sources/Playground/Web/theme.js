// Loaded in the head of every page, before the first paint: the theme is the one stored by the toggle,
// else the system's. It wires the header's toggle (#theme) and, without a stored choice, follows the
// system as it changes; each change fires a `themechange` event on window (the playground redraws).
{
  const root = document.documentElement;
  const stored = () => { try { return localStorage.getItem('theme'); } catch (e) { return null; } };  // storage may be blocked
  const system = matchMedia('(prefers-color-scheme: dark)');
  root.dataset.theme = stored() || (system.matches ? 'dark' : 'light');
  const label = () => { const button = document.getElementById('theme'); if (button) button.textContent = root.dataset.theme === 'dark' ? 'Light' : 'Dark'; };
  const set = theme => { root.dataset.theme = theme; label(); window.dispatchEvent(new Event('themechange')); };
  addEventListener('DOMContentLoaded', () => {
    label();
    const button = document.getElementById('theme');
    if (button) button.addEventListener('click', () => {
      const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      try { localStorage.setItem('theme', next); } catch (e) { /* private mode: this page only */ }
      set(next);
    });
  });
  system.addEventListener('change', () => { if (!stored()) set(system.matches ? 'dark' : 'light'); });
}
