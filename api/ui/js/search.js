// Search: one best match is drawn, ties are listed with where each is.

import { showNodeDetails } from "./details.js";
import { $, api, button, el, entityPath, fill, run, setStatus } from "./dom.js";
import { chip, label } from "./facts.js";
import { claim, state } from "./state.js";
import { showPanel, showTab } from "./tabs.js";
import { changeView, emptyView } from "./view.js";

/** Draw an entity's neighbourhood afresh, as the view's focus. */
export function drawEntity(id, name = "", { replace = false } = {}) {
  const details = claim("details");
  const q = name || state.view.q;
  if (name) $("search-input").value = name;
  return changeView({ ...emptyView(), q, focus: id }, { fresh: true, replace })
    .then(() => (details() ? showNodeDetails(id, details) : null));
}

/** Search: one best match is drawn; several equally good ones are listed (with where
 * each is) and nothing is drawn until one is chosen; no match clears the graph. */
export async function search(q, { push = true } = {}) {
  const current = claim("search");
  setStatus(`Searching for “${q}”…`);
  const page = await api("/entities", { q, limit: 10 });
  if (!current()) return;
  fill($("hits"), page.items.map(hitItem));
  showTab("graph");
  const best = page.items.filter((h) => h.score === page.items[0]?.score);
  if (best.length === 1) {
    setStatus(`${page.items.length} match${page.items.length > 1 ? "es" : ""} for “${q}”.`);
    await drawEntity(best[0].entity.id, "", { replace: !push });
    return;
  }
  claim("details");
  await changeView({ ...emptyView(), q }, { fresh: true, replace: !push });
  fill($("details"), el("p", { className: "hint" },
    page.items.length ? "Choose one of the search results." : `Nothing matches “${q}”.`));
  if (!page.items.length) return setStatus(`Nothing matches “${q}”.`);
  setStatus(`${best.length} equally good matches for “${q}”: choose one.`);
  showPanel("find");
}

/** Where an entity is: the places it is in (the ontology's presence relations). */
export async function whereText(id) {
  const presence = state.vocab.relations.filter((r) => r.presence).map((r) => r.name);
  const facts = await api(entityPath(id, "/relations"), { type: presence, direction: "out" });
  const places = [...new Set(facts.map((f) => f.target.name))];
  return places.length ? places.slice(0, 3).join(", ") : "place not reported";
}

export function hitItem(hit) {
  const e = hit.entity;
  const alias = hit.matched !== e.name ? ` as “${hit.matched}”` : "";
  const where = el("span", { className: "where" }, "…");
  const name = el("span", { className: "hit-text" },
    el("span", {}, label(e), alias && el("span", { className: "matched" }, alias)), where);
  whereText(e.id).then((text) => { where.textContent = text; })
    .catch(() => { where.textContent = ""; });
  const content = [chip(e), name, el("span", { className: "type" }, e.type)];
  return el("li", { dataset: { id: e.id } }, button(content, () => run(drawEntity(e.id)), "item"));
}
