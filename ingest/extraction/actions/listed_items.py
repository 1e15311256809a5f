"""Firms listed one per item under the announcement that acted on them.

A regulator's release or a law firm's summary announces an action on a group ("issued
warnings regarding several entities", "has issued cease and desist orders in five
proceedings"), introduces a list ("The entities are:", "A summary of those matters is as
follows:") and then gives one item per firm, each opening with the firm's name ("1. Korvex:
the platform claims ..."; "• Delmar Holdings (DH) purported to ..."). The items' sentences
name no action of their own; the action is the announcement's, on each listed firm.

So, for a run of at least two list items whose first words name a firm, under a line that
ends with a colon, the latest action (or action that found no target) of the few sentences
before the list is taken again with the listed firms as its targets.
"""

from __future__ import annotations

from graph.ontology import TYPE, get_ontology
from ingest.extraction.actions.action_drafts import ActionHistory, action_drafts
from ingest.extraction.actions.roles import View
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import RelationDraft
from ingest.extraction.text.document import ITEM_MARKER

_ACTIONS = frozenset(get_ontology().action_types)
_PUBLIC = get_ontology().actor_types
_LISTED_TYPES = frozenset(
    (TYPE.company, TYPE.exchange, TYPE.person, TYPE.website, TYPE.app, TYPE.cryptoasset)
)
REACH = 6  # how many sentences before its list an announcement may stand
MIN_ITEMS = 2


def listed_items(
    views: list[View], state: ArticleState, history: ActionHistory
) -> list[tuple[int, RelationDraft]]:
    """The announcement's action on each firm of each list under it (sentence index, draft)."""
    out: list[tuple[int, RelationDraft]] = []
    for intro, heads in _lists(views, state):
        found = _announcement(intro, views, state, history)
        if found is None:
            continue
        view, trig, actor = found
        done = {
            state.table.resolve(rel.target)
            for _, rel in history.relations
            if rel.type == trig.type and rel.source == actor
        }
        targets = [h for h in heads if state.table.resolve(h) not in done]
        if not targets:
            continue
        drafts = action_drafts(trig, actor, targets, trig.confidence - 0.1, view, state, history)
        out += [(view.sent.index, d) for d in drafts]
        if drafts:  # the announcement found its targets after all
            state.refused[:] = [
                r
                for r in state.refused
                if not (r.type == trig.type and r.source == actor and r.evidence == view.sent.text)
            ]
    return out


def _lists(views: list[View], state: ArticleState) -> list[tuple[int, list[str]]]:
    """Each list's introducing sentence (ending with a colon) and its items' firms."""
    out: list[tuple[int, list[str]]] = []
    i = 1
    while i < len(views):
        intro = views[i - 1]
        if intro.sent.heading or not intro.sent.text.rstrip().endswith(":"):
            i += 1
            continue
        heads: list[str] = []
        j = i
        while j < len(views) and not views[j].sent.heading:
            head = _item_head(views[j], state)
            if head is not None:
                heads.append(head)
            elif views[j].sent.paragraph != views[j - 1].sent.paragraph:
                break  # a paragraph that is no item ends the list
            j += 1
        if len(heads) >= MIN_ITEMS:
            out.append((i - 1, heads))
        i = max(j, i + 1)
    return out


def _item_head(view: View, state: ArticleState) -> str | None:
    """The firm a list item opens with, if the sentence is an item's first."""
    m = ITEM_MARKER.match(view.sent.text)
    if m is None:
        return None
    at = view.sent.start + m.end()
    at += view.sent.text.startswith(('"', "'"), m.end())  # '- "Korvex" (website ...)'
    first = next((x for x in view.mentions if x.start == at), None)
    if first is None or first.key not in state.table:
        return None
    if state.table.get(first.key).type not in _LISTED_TYPES:
        return None
    return first.key


def _announcement(
    intro: int, views: list[View], state: ArticleState, history: ActionHistory
) -> tuple[View, Trigger, str] | None:
    """The latest action told, or tried without a target, shortly before a list."""
    window = range(max(0, intro - REACH), intro + 1)
    by_text = {views[i].sent.text: i for i in window}
    # an action that already found a named party announces no list unless the line that
    # opens the list tells it: "charges against <person>" three sentences before a list
    # of sanctioned firms is another story's
    told: list[tuple[int, str, str]] = [
        (i, rel.type, rel.source)
        for i, rel in history.relations
        if i in window and rel.type in _ACTIONS and (i == intro or _unnamed(rel.target, state))
    ]
    told += [
        (by_text[r.evidence], r.type, r.source)
        for r in state.refused
        if r.source is not None and r.target is None and r.evidence in by_text
    ]
    for index, rtype, actor in sorted(told, key=lambda t: -t[0]):
        if actor not in state.table or state.table.get(actor).type not in _PUBLIC:
            continue
        view = views[index]
        trig = next((t for t in view.triggers if t.type == rtype), None)
        if trig is not None:
            return view, trig, actor
    return None


def _unnamed(key: str, state: ArticleState) -> bool:
    """Whether an action's target is a counted group ("five proceedings", "several
    entities"): what a list under it goes on to name."""
    key = state.table.resolve(key)
    return key in state.table and state.table.get(key).unnamed
