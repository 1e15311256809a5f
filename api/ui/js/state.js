// What the page's modules share: the vocabulary, the view, and per-panel tickets.

// An action's `status` once something ended it (lifted, revoked, ...: the ontology's
// `ended_how`); tests/test_ui.py checks it against graph/ontology.yaml.
export const ENDED = "ended";

export const state = {
  vocab: null, // GET /ui/vocabulary.json: entity and relation types with their colours
  types: new Map(),
  relations: new Map(),
  relationOrder: new Map(), // relation type -> its place in the ontology
  articles: new Map(), // article id -> promise of its metadata
  view: null, // what the graph shows: see view.js
  omitted: [], // what the API's caps left out of the drawn neighbourhoods: model.js leftOut
};

/** Latest request wins: each panel keeps a ticket counter, and an answer that arrives
 * after a newer request for the same panel is dropped instead of overwriting it. */
export const tickets = new Map();

export function claim(panel) {
  const ticket = (tickets.get(panel) || 0) + 1;
  tickets.set(panel, ticket);
  return () => tickets.get(panel) === ticket;
}
