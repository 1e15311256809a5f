"""The rule-based extractor: one news article to the entities and relations it states.

`extract_article` below is the whole pipeline, in order; each stage is a folder
of small modules, and a stage imports only the stages before it:

1. `text/`: normalise the text (capitals restored by `names.truecase` where the text
   lost them), split it into sentences without page furniture or datelines
   (`document`); tokens and keyword-gated regex search for later stages.
2. `names/`: every span that names an entity, typed: gazetteer automaton, name
   runs typed by head words, tails and cues, people, lists and the surname habit.
3. `entities/`: names become the article's entity table (ambiguous names settled by
   its country context; aliases the text introduces learned) in an `ArticleState`,
   the one object the later stages share.
4. `references/`: unnamed groups ("13 apps"), activities, descriptions ("the
   watchdog"), a release's issuing body ("we") and pronouns become mentions of entities too.
5. `actions/`: actions and referrals (BANNED ... LICENSED, REFERRED_BY) from trigger
   words, with dates and amounts.
6. `structure/`: where entities sit and who owns whom, then who holds which role.
7. `output`: drafts to validated `Extraction` models, ids from `graph.ids`.

No model, no network: a 600-word article takes about 15 ms of CPU on a loaded
2-core machine (load ~4; bench/extract_speed.py, and README's figures).
"""

from __future__ import annotations

from graph.models import Article, Extraction
from ingest.extraction.actions.action_relations import read_actions
from ingest.extraction.entities.named_entities import build_entities
from ingest.extraction.names.recognition import find_names
from ingest.extraction.names.truecase import restore_case
from ingest.extraction.output import to_extraction
from ingest.extraction.references.activities import find_activities
from ingest.extraction.references.attorneys_general import attorney_general_mentions
from ingest.extraction.references.cataphoric_firms import cataphoric_firm_mentions
from ingest.extraction.references.defined_court import defined_court_mentions
from ingest.extraction.references.descriptions import resolve_descriptions
from ingest.extraction.references.issuing_body import resolve_issuer
from ingest.extraction.references.lede_bodies import lede_body_mentions
from ingest.extraction.references.lede_descriptions import lede_firm_mentions
from ingest.extraction.references.local_units import local_unit_mentions
from ingest.extraction.references.petitioners import petitioner_mentions
from ingest.extraction.references.pronouns import resolve_pronouns
from ingest.extraction.references.unit_descriptions import unit_mentions
from ingest.extraction.references.unnamed_groups import find_unnamed_groups
from ingest.extraction.structure.affiliations import read_affiliations
from ingest.extraction.structure.panel_members import panel_affiliations
from ingest.extraction.structure.structure_relations import read_structure
from ingest.extraction.text.document import read_document
from ingest.extraction.time_budget import budget, check

__all__ = ["extract_article"]


def extract_article(article: Article, time_budget: float | None = None) -> Extraction:
    """Extract the entities and relations one article states (see ONTOLOGY.md's JSON);
    `ExtractionTimeoutError` past `time_budget` seconds (time_budget.py; None: the
    configured budget, 0: no limit)."""
    with budget(time_budget):
        doc = read_document(article.text, recase=restore_case)  # text/ (names/ restores case)
        check("text")
        names = find_names(doc, article.publisher)  # names/
        check("names")
        state = build_entities(article, doc, names)  # entities/
        check("entities")
        find_unnamed_groups(state)  # references/
        find_activities(state)
        resolve_descriptions(state)
        attorney_general_mentions(state)  # "the state's attorney general", "Texas AG"
        unit_mentions(state)  # "the intelligence unit of South Korea's financial watchdog"
        local_unit_mentions(state)  # "the local arm of exchange X": X's unit named there
        lede_firm_mentions(state)  # "A crypto platform has been banned ... X Ltd": X
        lede_body_mentions(state)  # "Korea's authorities suspended X ... according to the FIU"
        cataphoric_firm_mentions(state)  # "... a crypto exchange. This is the X exchange"
        petitioner_mentions(state)  # "a case against the petitioner ... X moved the court"
        defined_court_mentions(state)  # "The Federal Court has found ... The Court ordered"
        resolve_issuer(state)  # a body's own release: 'we', 'the Commission'
        resolve_pronouns(state)
        state.settle()
        check("references")
        actions = read_actions(state)  # actions/ (checks per sentence)
        structure = read_structure(state, actions)  # structure/
        check("structure")
        people = read_affiliations(state)  # (checks per person)
        people += panel_affiliations(state, people)  # "Adjudicators:\nA B\nC D"
        return to_extraction(state, actions + structure + people)  # output
