// How entities and facts are named and painted, and an action's life, as text.

import { api, el, fill, run } from "./dom.js";
import { ENDED, state } from "./state.js";

/** What an entity is called; an unnamed group shows its count ("13 apps involved in ..."). */
export function label(entity) {
  return entity.unnamed && entity.count != null ? `${entity.count} ${entity.name}` : entity.name;
}

export function paint(type) {
  return state.types.get(type) || { color: "#999999", border: "#666666" };
}

export function chip(entity) {
  const className = entity.unnamed ? "chip group" : "chip";
  return el("span", { className, style: { background: paint(entity.type).color } });
}

export function relationBadge(type) {
  const color = state.relations.get(type)?.color || "#777777";
  return el("span", { className: "rel", style: { background: color } }, type);
}

export function isEnded(fact) {
  return fact.status === ENDED;
}

/** How and when an ended action ended: "lifted 2023-06" (either part may be unknown). */
export function endingText(fact) {
  return [fact.ended_how || ENDED, fact.ended_on || "(date unknown)"].join(" ");
}

/** An ended action's span, from its own date to its end: "2021 → lifted 2023-06". */
export function spanText(fact) {
  return `${fact.date || "undated"} → ${endingText(fact)}`;
}

/** What an edge says: its type, and for an ended action how and when it ended. */
export function edgeLabel(fact) {
  return isEnded(fact) ? `${fact.type} (${endingText(fact)})` : fact.type;
}

/** A fine's amount in its own currency ("USD 5,000,000"); amounts are never summed. */
export function moneyText(properties = {}) {
  const { amount, currency } = properties;
  if (amount == null) return null;
  try {
    const options = { style: "currency", currency, currencyDisplay: "code",
      minimumFractionDigits: 0, maximumFractionDigits: 2 };
    return new Intl.NumberFormat("en", options).format(amount);
  } catch {
    return [amount, currency].filter(Boolean).join(" "); // no currency, or not ISO 4217
  }
}

/** The date a timeline is ordered by: the action's own, else when it was first reported. */
export function orderDate(fact) {
  return fact.date || fact.first_seen || "";
}

/** A step of the history: "taken 2021" or "lifted 2023-06". */
export function stepText(step) {
  const what = step.status === ENDED ? step.how || ENDED : "taken";
  return step.on ? `${what} ${step.on}` : what;
}

/** The history as steps with their sources: article ids at first, then each article's
 * title and publisher once `resolve()` has fetched them (on demand: see historyBox). */
export function historyList(fact) {
  const steps = fact.history.map((step) => {
    const ids = step.sources.length ? step.sources : ["no article reports this step by itself"];
    const sources = el("ul", { className: "plain" },
      ids.map((id) => el("li", { className: "source" }, id)));
    const item = el("li", {}, el("span", { className: "step" }, stepText(step)), sources);
    return { step, sources, item };
  });
  const list = el("ol", { className: "plain history" }, steps.map((s) => s.item));
  let resolved = null;
  const resolve = () => {
    resolved ||= Promise.all(steps.filter(({ step }) => step.sources.length)
      .map(async ({ step, sources }) => {
        const metas = await Promise.all(step.sources.map(article));
        fill(sources, metas.map((meta) => el("li", {}, articleLine(meta))));
      }));
    return resolved;
  };
  return { list, resolve };
}

/** A collapsed history whose summary reads "taken 2021 → lifted 2023-06"; opening it
 * fetches the source articles' titles. */
export function historyBox(fact) {
  const { list, resolve } = historyList(fact);
  const summary = el("summary", {}, "History: ", fact.history.map(stepText).join(" → "));
  const box = el("details", { className: "history-box" }, summary, list);
  box.addEventListener("toggle", () => box.open && run(resolve()));
  return box;
}

/** Whether an action has a life worth showing: it ended, or its status changed. */
export function hasHistory(fact) {
  return isEnded(fact) || (fact.history || []).length > 1;
}

/** An article's metadata, fetched once per page. */
export function article(id) {
  if (!state.articles.has(id)) {
    const meta = api(`/articles/${encodeURIComponent(id)}`).then((found) => found.article);
    state.articles.set(id, meta.catch(() => ({ id })));
  }
  return state.articles.get(id);
}

export function articleLine(meta) {
  const text = [meta.title || meta.id, meta.publisher, meta.published].filter(Boolean).join(" · ");
  const safeUrl = meta.url && /^https?:\/\//.test(meta.url);
  if (!safeUrl) return el("p", { className: "source" }, text);
  const link = el("a", { href: meta.url, rel: "noopener noreferrer", target: "_blank" }, text);
  return el("p", { className: "source" }, link);
}

/** When an action was taken, when reported, whether it still stands, for how much. */
export function factDates(fact) {
  const row = (term, value) => (value ? [el("dt", {}, term), el("dd", {}, value)] : []);
  const reported = fact.last_seen && fact.last_seen !== fact.first_seen
    ? `${fact.first_seen} (last ${fact.last_seen})` : fact.first_seen;
  return el("dl", { className: "fact-dates" },
    row("Action date", fact.date || "not given: placed by when first reported"),
    row("First reported", reported),
    row("Status", isEnded(fact) ? `ended: ${spanText(fact)}` : fact.status),
    row("Amount", moneyText(fact.properties)),
    row("Confidence", String(fact.confidence)));
}

/** One edge per event: two fines of the same pair are two facts. */
export function factId(fact) {
  return fact.event_id || `${fact.source.id}|${fact.type}|${fact.target.id}`;
}
