// What the graph shows (the view), kept in the URL, with Undo; the neighbourhoods it needs.

import { $, api, entityPath, run, setStatus } from "./dom.js";
import { render } from "./graph.js";
import { state } from "./state.js";

/** What the graph shows, all of it in the page's URL, so Back and links work:
 * q (the search), focus (the entity drawn), expand (entities whose neighbours were
 * added, as "id" or "id|TYPE,TYPE"), more (further pages of a hub's facts of one type
 * the API left out, as "id|TYPE|offset"), hide (entities hidden), open (clusters
 * opened), off (node and relation types switched off), since and until (action dates). */
export function emptyView() {
  return { q: "", focus: "", expand: [], more: [], hide: [], open: [], off: [], since: "",
    until: "" };
}

export const undoStack = [];

export const LIST_KEYS = ["expand", "more", "hide", "open", "off"];

export function viewFromUrl(search = window.location.search) {
  const params = new URLSearchParams(search);
  const v = emptyView();
  for (const key of ["q", "focus", "since", "until"]) v[key] = params.get(key) || "";
  for (const key of LIST_KEYS) v[key] = params.getAll(key);
  return v;
}

export function viewToQuery(v) {
  const params = new URLSearchParams();
  for (const key of ["q", "focus"]) if (v[key]) params.set(key, v[key]);
  for (const key of LIST_KEYS) v[key].forEach((value) => params.append(key, value));
  for (const key of ["since", "until"]) if (v[key]) params.set(key, v[key]);
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

/** Change the view as the user asked: remembered for Undo and for Back, then drawn. */
export function changeView(changes, { fresh = false, replace = false } = {}) {
  if (!replace) undoStack.push(viewToQuery(state.view));
  state.view = { ...state.view, ...changes };
  if (replace) window.history.replaceState(null, "", viewToQuery(state.view));
  else window.history.pushState(null, "", viewToQuery(state.view));
  $("undo").disabled = undoStack.length === 0;
  return render({ fresh });
}

export function undo() {
  const previous = undoStack.pop();
  if (previous === undefined) return;
  state.view = viewFromUrl(previous.startsWith("?") ? previous : "");
  window.history.pushState(null, "", viewToQuery(state.view));
  $("undo").disabled = undoStack.length === 0;
  $("search-input").value = state.view.q;
  setStatus("Undone.");
  run(render());
}

/** Neighbourhood answers for this drawing; a fresh drawing (a new search or hit)
 * asks again, expansions and filters reuse what was fetched. */
export const neighbourhoods = new Map();

export function neighbourhood(id, types = [], offset = 0) {
  const key = `${id}|${types.join(",")}|${offset}`;
  if (!neighbourhoods.has(key)) {
    const params = { depth: 1, type: types };
    if (offset) params.offset = offset;
    const answer = api(entityPath(id, "/neighborhood"), params);
    neighbourhoods.set(key, answer);
    answer.catch(() => neighbourhoods.delete(key));
  }
  return neighbourhoods.get(key);
}

export function parseExpansion(text) {
  const [id, types = ""] = text.split("|");
  return { id, types: types ? types.split(",") : [] };
}

/** A further page of one type's facts: "id|TYPE|offset". */
export function parseMore(text) {
  const [id, type = "", offset = "0"] = text.split("|");
  return { id, types: type ? [type] : [], offset: Number.parseInt(offset, 10) || 0 };
}

state.view = emptyView();
