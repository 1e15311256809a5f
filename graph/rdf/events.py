"""An action fact as an event resource (ONTOLOGY.md, "Actions are events with a life").

Beside its direct triple (`<sec> crg:fined <kraken>`) and its per-article statements,
every action fact (one event, graph/store/events.py) becomes a resource in the default
graph:

```turtle
<id/event/ev-0123abcd...> a crg:FinedEvent, schema:Action ;
    dcterms:identifier "ev-0123abcd..." ; crg:predicate crg:fined ;
    schema:agent <id/regulator:sec> ; schema:object <id/exchange:kraken> ;
    schema:startTime "2023-02"^^xsd:gYearMonth ;          # typed by the date's precision
    schema:endTime "2024"^^xsd:gYear ;                     # only once ended
    schema:actionStatus schema:CompletedActionStatus ; crg:endedHow "settled" ;
    schema:amount <id/event/ev-0123abcd...#amount> ;      # FINED: a schema:MonetaryAmount
    prov:wasDerivedFrom <id/article/a1>, <id/article/a2> ;
    crg:history <id/event/ev-0123abcd...#active>, <id/event/ev-0123abcd...#ended-settled> .
<id/event/ev-0123abcd...#ended-settled> a crg:StatusChange ; schema:position 1 ;
    schema:actionStatus schema:CompletedActionStatus ; crg:endedHow "settled" ;
    dcterms:date "2024"^^xsd:gYear ; prov:wasDerivedFrom <id/article/a2> .
```

Why these terms: schema:Action's `agent`/`object`/`startTime`/`endTime`/`actionStatus`
say who did what to whom and when without a cryptoreg term. No schema.org subclass of
Action fits a regulator's act (AuthorizeAction's `object` is the thing permitted, not the
licensee), so each action relation gets its own class `crg:<Relation>Event` ⊑
`crg:Event` ⊑ `schema:Action` (cryptoreg.ttl), and `crg:predicate` names the relation
property of the direct triple, so a query can join the two. `active` is
schema:ActiveActionStatus (in force); `ended` is schema:CompletedActionStatus: the
action's life is over, and `crg:endedHow` says how (lifted, revoked, ...).
schema:FailedActionStatus would misread an overturned or lifted action as one that was
never taken. `schema:amount` is the property schema.org gives a MonetaryAmount.
IRIs are minted from the stable `event_id`, the parts of an event under its IRI
(`#amount`, `#<status>[-<how>]`), so re-exports give the same resources.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SDO, XSD
from rdflib.term import Node

from graph.errors import OntologyError
from graph.ontology import STATUS, get_ontology
from graph.rdf.literals import decimal_literal, partial_date_literal
from graph.rdf.namespaces import CRG, ENDED_HOW, Iris, camel, event_class_term
from graph.store.events import event_id as make_event_id
from graph.store.protocol import Fact, StatusChange

Quad = tuple[Node, Node, Node, URIRef | None]
ENDED_HOW_TERM = CRG[camel(ENDED_HOW)]
# The relation properties (ontology.yaml `properties:`) that hold a fine's money.
AMOUNT, CURRENCY = "amount", "currency"


def _status_terms() -> dict[str, URIRef]:
    """The ontology's action statuses as schema:ActionStatusType values; a status the
    ontology adds without a mapping here fails at import, not in a half-typed export."""
    terms = {STATUS.active: SDO.ActiveActionStatus, STATUS.ended: SDO.CompletedActionStatus}
    unmapped = set(get_ontology().property_values.get("status", ())) - set(terms)
    if unmapped:
        raise OntologyError(f"action statuses without a schema:ActionStatusType: {unmapped}")
    return terms


ACTION_STATUS = _status_terms()


def fact_event_id(fact: Fact) -> str:
    """The fact's `event_id`; a record without one (written before events) gets the id
    graph/store/events.py would give it, so its IRI is as stable."""
    if fact.event_id:
        return fact.event_id
    amount = fact.properties.get(AMOUNT)
    money = (float(amount), str(fact.properties.get(CURRENCY) or "")) if amount else None
    return make_event_id(fact.source.id, fact.type, fact.target.id, fact.date, money)


def history_of(fact: Fact) -> list[StatusChange]:
    """The fact's status history; a record without one gets the steps its fields imply
    (taken on its date by its sources, then its ending), so every event has a history."""
    if fact.history:
        return fact.history
    steps = [StatusChange(status=STATUS.active, on=fact.date, sources=list(fact.sources))]
    if fact.status != STATUS.active:
        steps.append(StatusChange(status=fact.status, how=fact.ended_how, on=fact.ended_on))
    return steps


class EventMapper:
    """Maps action facts to their event resources under one base IRI."""

    def __init__(self, iris: Iris) -> None:
        self.iris = iris
        ont = get_ontology()
        self._actions = frozenset(ont.action_types)
        self._money = {n for n, r in ont.relations.items() if AMOUNT in r.properties}

    def is_action(self, rel_type: str) -> bool:
        """Whether facts of this relation type are events (ontology kind "action")."""
        return rel_type in self._actions

    def quads(self, fact: Fact, predicate: URIRef) -> list[Quad]:
        """The event of one action fact, in the default graph; [] for other relations."""
        if not self.is_action(fact.type):
            return []
        eid = fact_event_id(fact)
        e = self.iris.event(eid)
        values: list[tuple[URIRef, Node | None]] = [
            (RDF.type, CRG[event_class_term(fact.type)]),
            (RDF.type, SDO.Action),
            (DCTERMS.identifier, Literal(eid)),
            (CRG.predicate, predicate),
            (SDO.agent, self.iris.entity(fact.source.id)),
            (SDO.object, self.iris.entity(fact.target.id)),
            (SDO.startTime, partial_date_literal(fact.date)),
            (SDO.actionStatus, ACTION_STATUS.get(fact.status)),
        ]
        if fact.status != STATUS.active:
            values += [
                (SDO.endTime, partial_date_literal(fact.ended_on)),
                (ENDED_HOW_TERM, Literal(fact.ended_how) if fact.ended_how else None),
            ]
        values += [(PROV.wasDerivedFrom, self.iris.article(a)) for a in sorted(set(fact.sources))]
        out: list[Quad] = [(e, p, v, None) for p, v in values if v is not None]
        out += self._amount(fact, eid, e)
        out += self._history(fact, eid, e)
        return out

    def _amount(self, fact: Fact, eid: str, e: URIRef) -> list[Quad]:
        """A fine's money as a schema:MonetaryAmount (value xsd:decimal, ISO currency)."""
        amount = fact.properties.get(AMOUNT)
        if fact.type not in self._money or isinstance(amount, bool):
            return []
        if not isinstance(amount, int | float):
            return []
        try:
            value = decimal_literal(amount)
        except ValueError:  # NaN, infinities
            return []
        m = self.iris.event_part(eid, AMOUNT)
        out: list[Quad] = [
            (e, SDO.amount, m, None),
            (m, RDF.type, SDO.MonetaryAmount, None),
            (m, SDO.value, value, None),
        ]
        currency = fact.properties.get(CURRENCY)
        if currency:
            out.append((m, SDO.currency, Literal(str(currency).upper()), None))
        return out

    def _history(self, fact: Fact, eid: str, e: URIRef) -> list[Quad]:
        """Each step of the event's life as a crg:StatusChange with its own sources."""
        out: list[Quad] = []
        used: set[str] = set()
        for position, step in enumerate(history_of(fact)):
            part = "-".join(x for x in (step.status, step.how) if x)
            if part in used:  # the store gives one step per kind of ending; stay unique anyway
                part = f"{part}-{position}"
            used.add(part)
            h = self.iris.event_part(eid, part)
            values: list[tuple[URIRef, Node | None]] = [
                (RDF.type, CRG.StatusChange),
                (SDO.position, Literal(position, datatype=XSD.integer)),
                (SDO.actionStatus, ACTION_STATUS.get(step.status)),
                (ENDED_HOW_TERM, Literal(step.how) if step.how else None),
                (DCTERMS.date, partial_date_literal(step.on)),
            ]
            sources = sorted(set(step.sources))
            values += [(PROV.wasDerivedFrom, self.iris.article(a)) for a in sources]
            out.append((e, CRG.history, h, None))
            out += [(h, p, v, None) for p, v in values if v is not None]
        return out
