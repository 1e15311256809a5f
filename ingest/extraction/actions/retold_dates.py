"""The date of an instrument named again is the date it was told with.

"The FSA issued six orders on Friday, June 22. The orders to A, B and C follow the
agency's rejection of D on June 7": the orders are of June 22, the sentence that told
them; the date in the sentence naming them again belongs to another event.
"""

from __future__ import annotations

from graph.partial_dates import PartialDate
from ingest.extraction.actions.action_attributes import trigger_attributes
from ingest.extraction.actions.action_drafts import ActionHistory
from ingest.extraction.actions.roles import View
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.article_state import ArticleState


def date_as_told(
    trig: Trigger, views: list[View], state: ArticleState, history: ActionHistory
) -> PartialDate | None:
    """The date the instrument a retold trigger (`trig.retells`) names was told with."""
    sent = state.doc.sentence_at(trig.retells)
    if sent is None:
        return None
    view = views[sent.index]
    told = next((t for t in view.triggers if t.start == trig.retells), None)
    if told is None:
        return None
    return trigger_attributes(told, view, history.dates_of(state).of_sentence(sent.index)).date
