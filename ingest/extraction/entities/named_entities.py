"""The `entities` stage: name candidates become the article's entity table and mentions.

Each candidate becomes a mention of a new or known entity (`entity_building`, with
ambiguous names settled by the article's `CountryContext`); aliases the text itself
introduces ("Financial Conduct Authority (FCA)", "formerly known as ...") are learned
(`aliases`), and the learned short forms are searched for again; variants of one body's
name ("the Department of X" after "California's Department of X") are merged
(`name_variants`). The result is the
`ArticleState` every later stage works on.
"""

from __future__ import annotations

from graph.models import Article
from ingest.extraction.entities.aliases import paren_alias, rename_aliases, second_pass
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention
from ingest.extraction.entities.entity_building import add_candidate, mention_of
from ingest.extraction.entities.name_variants import merge_name_variants
from ingest.extraction.entities.paren_names import merge_parenthesised_names
from ingest.extraction.entities.place_qualified import merge_place_qualified
from ingest.extraction.entities.possessive_bodies import add_possessive_forms
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.gazetteer_index import get_index
from ingest.extraction.text.document import Document
from ingest.extraction.text.scanning import scanner_of


def build_entities(article: Article, doc: Document, names: list[Candidate]) -> ArticleState:
    """The article's state after its named mentions: entities, aliases, country context.

    `names`: the `names` stage's candidates for `doc`, in document order.
    """
    state = ArticleState(article, doc, CountryContext(doc, names, get_index()))
    table, text = state.table, doc.text
    defined: dict[str, str] = {}  # short names the text defines -> the entity's key
    for cand in names:
        owner = _defined_owner(table, defined, cand, text)
        if owner is not None:
            mention: Mention | None = mention_of(table, owner, cand)
        else:
            mention = add_candidate(table, cand, text, state.country)
        if mention is None:
            continue
        state.mentions.append(mention)
        key = table.resolve(mention.key)
        if key in table:
            short = paren_alias(table, table.get(key), text, cand.end)
            if short is not None:
                defined.setdefault(short, key)
    state.settle()
    merge_parenthesised_names(state)  # "X Authority (Local Name)": one body
    state.settle()
    state.mentions += second_pass(table, text, state.mentions)
    if rename_aliases(table, text, state.mentions, scanner_of(doc)):
        state.settle()
        state.mentions += second_pass(table, text, state.mentions)
    merge_name_variants(state)
    merge_place_qualified(state)
    state.settle()
    add_possessive_forms(state)
    return state


def _defined_owner(
    table: EntityTable, defined: dict[str, str], cand: Candidate, text: str
) -> EntityDraft | None:
    """The entity a short name the text defined ("Bank of Tanzania (BoT)") stands for, when a
    later gazetteer hit spells it: the text's own definition beats the gazetteer's reading
    of the same letters (Bank of Thailand), unless the name defined holds the body the
    gazetteer reads."""
    surface = text[cand.start : cand.end]
    if cand.source != "gaz" or surface not in defined:
        return None
    key = table.resolve(defined[surface])
    if key not in table:
        return None
    owner = table.get(key)
    index = get_index()
    if any(index.entries[i].name in owner.name for i in cand.entries):
        return None  # "Cyber Crime Wing of the Federal Investigation Agency (FIA)": the agency's
    return owner
