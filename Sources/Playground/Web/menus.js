// The activation menus: the ids the server trains with, grouped by the catalog's families and shown by
// the catalog's names (GET /api/catalog), so that the page keeps no list of its own.

const escape = s => String(s).replace(/[&<>"]/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[ch]));
const capitalised = s => s.charAt(0).toUpperCase() + s.slice(1);

/** [{family, items: [{id, name}]}] for `ids`, families in catalog order; ids the catalog lacks go last. */
export function activationGroups(ids, catalog) {
  const groups = new Map();
  for (const info of Object.values(catalog)) if (!groups.has(info.family)) groups.set(info.family, []);
  groups.set('other', []);
  for (const id of ids) {
    const info = catalog[id];
    groups.get(info ? info.family : 'other').push({ id, name: info ? info.name : id });
  }
  return [...groups].filter(([, items]) => items.length).map(([family, items]) => ({ family: capitalised(family), items }));
}

/** The options of an activation menu as HTML: one optgroup per family. */
export function activationOptions(groups) {
  return groups.map(g => `<optgroup label="${escape(g.family)}">` +
    g.items.map(i => `<option value="${escape(i.id)}">${escape(i.name)}</option>`).join('') + '</optgroup>').join('');
}

/** The catalog's name of `id`, else the id. */
export const displayName = (catalog, id) => (catalog[id] && catalog[id].name) || id;
