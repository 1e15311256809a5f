"""The judgement half of `BaseStore`: checks written once, primitives per backend.

graph/store/judgements.py has the model and the rules; each backend records, undoes and
lists judgements and hands back the extractions it kept as they arrived
(graph/store/embedded/judgements.py, graph/store/neo4j/judgements.py). Recording or
undoing replays, in the same transaction, the stored articles whose entities the
judgement moves, so no source file is read again.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable

from graph.errors import ConflictError, NotFoundError
from graph.models import Extraction
from graph.store import judgements as judgements_module
from graph.store.changes import ChangeBody, EntityChange
from graph.store.judgements import (
    Explanation,
    Judgement,
    JudgementIn,
    Rules,
    checked_request,
    explain,
)
from graph.store.protocol import EntityRecord, EntitySummary


def judgement_body(kind: str, j: Judgement, entities: Iterable[EntitySummary]) -> ChangeBody:
    """The change a judgement write records for itself (its articles' replays record
    their own): the entities it names that are stored, as changed."""
    return ChangeBody(
        kind=kind,
        title=f"judgement {j.id}: {j.kind}",
        entities=[EntityChange(entity=e, change="changed") for e in entities],
    )


class Judging(ABC):
    """Merge, split and distinct judgements, and explanations, for a store."""

    def judge(self, request: JudgementIn) -> Judgement:
        """Record a judgement and apply it to the stored articles it touches;
        NotFoundError for an unknown entity, ConflictError when it contradicts a stored
        judgement (graph/store/judgements.py `Rules.check`)."""
        rules = Rules(self._judgements())
        for eid in (request.entity, request.other):
            if eid and (j := rules.merges.get(eid)) is not None and not self._summary_or_none(eid):
                raise ConflictError(
                    f"{eid!r} is merged (judgement {j.id}) into {rules.target(eid)!r}: undo "
                    f"that judgement first, or judge {rules.target(eid)!r}"
                )
        req, found = checked_request(request, self._summary_or_none)
        return self._record_judgement(req, found)

    def judgements(self) -> list[Judgement]:
        """Every stored judgement, oldest first."""
        return self._judgements()

    def undo_judgement(self, judgement_id: int) -> Judgement:
        """Delete a judgement and replay the articles it had moved; NotFoundError when
        there is no such judgement."""
        return self._undo_judgement(judgement_id)

    def explain(self, entity_id: str) -> Explanation:
        """Why an entity is this id: its names, where each came from, the judgements."""
        record = self.get_entity(entity_id)
        judgements = self._judgements()
        if record is None:
            rules = Rules(judgements)
            if (j := rules.merges.get(entity_id)) is not None:
                raise NotFoundError(
                    f"no entity {entity_id!r}: judgement {j.id} merged it into "
                    f"{rules.target(entity_id)!r}"
                )
            raise NotFoundError(f"no entity {entity_id!r}")
        e = record.entity
        summary = EntitySummary(id=e.id, type=e.type, name=e.name, unnamed=e.unnamed, count=e.count)
        read = sorted(record.sources)[: judgements_module.MAX_EXPLAIN_READ]
        why = explain(summary, judgements, self._stored_extractions(read), read)
        why.not_read = len(record.sources) - len(read)
        return why

    def _summary_or_none(self, entity_id: str) -> EntitySummary | None:
        record = self.get_entity(entity_id)
        if record is None:
            return None
        e = record.entity
        return EntitySummary(id=e.id, type=e.type, name=e.name, unnamed=e.unnamed, count=e.count)

    @abstractmethod
    def get_entity(self, entity_id: str) -> EntityRecord | None: ...

    @abstractmethod
    def _record_judgement(self, request: JudgementIn, found: dict[str, EntitySummary]) -> Judgement:
        """In one write transaction: check `request` against the stored judgements
        (`Rules.check`), store it, replay the articles it moves, record the changes."""

    @abstractmethod
    def _undo_judgement(self, judgement_id: int) -> Judgement:
        """In one write transaction: delete it, replay the articles it moved."""

    @abstractmethod
    def _judgements(self) -> list[Judgement]:
        """Every stored judgement, by id."""

    @abstractmethod
    def _stored_extractions(self, article_ids: list[str]) -> dict[str, Extraction]:
        """The extractions of these articles as they arrived (those the store kept)."""
