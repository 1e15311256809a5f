"""The `entities` stage: name candidates become the article's entity table.

`drafts` (mentions, entity and relation drafts, the entity table), `country_context`
(the country an article is about), `entity_building` (canonical names, ambiguous
names settled by country, legal names folded into brands), `aliases` (aliases the
text introduces, and their later uses), `article_state` (`ArticleState`, the object
every later stage takes), `named_entities` (the stage: `build_entities`).
"""
