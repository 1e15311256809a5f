"""The rule-based extractor's parts: text clean-up, sentences, mentions, aliases, relations.

`ingest.extract.extract_article` wires them together; each submodule is a small
step with its own contract so it can be tested alone:

- text: `normalize` (quotes, dashes, spaces), `sentences` (furniture, datelines,
  abbreviation-aware splitting), `tokens`, `scan` (keyword-gated regex search);
- names: `gazindex` (the gazetteer automaton, cached on disk), `orgnames` (types from
  head words), `cues` (types from context), `persons`, `recognize` (all of them,
  longest match wins), `build` (canonical names, ambiguous names by country),
  `entities` (mentions and the entity table), `aliases` (text-introduced aliases),
  `context` (descriptions and pronouns), `collectives` (governments, plural
  descriptions of groups and their members), `groups` (unnamed groups, activities);
- facts: `triggers`, `clauses`, `roles`, `actions` (actions and referrals),
  `structure`, `ownership`, `places` (HQ/origin/operations, subsidiaries, seats,
  nesting), `people` (roles), `money`, `dates`, `relations` (all of them),
  `output` (drafts to validated models).
"""
