"""The RDF vocabulary, its generated files and docs, IRIs and the term serialiser.

None of this needs a store; tests/test_rdf.py checks the export through both stores.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from graph.errors import ConfigError, InvalidInputError, OntologyError
from graph.ontology import REL, get_ontology
from graph.rdf.events import ACTION_STATUS
from graph.rdf.export import FORMATS, get_format
from graph.rdf.files import VOCAB_FILE, turtle
from graph.rdf.literals import partial_date_literal
from graph.rdf.namespaces import (
    CRG,
    SHAPES,
    Iris,
    event_class_term,
    expand_curie,
    group_classes,
    relation_term,
    safe_iri,
)
from graph.rdf.ntriples import nt_term
from graph.rdf.owl import build_vocabulary, class_cover
from graph.rdf.shapes import SHAPES_FILE, build_shapes

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
BASE = "https://w3id.org/cryptoreg/id/"


# --- vocabulary -------------------------------------------------------------------------


def test_closed_namespace_refuses_unknown_terms() -> None:
    assert CRG.Regulator == URIRef(get_ontology().namespace + "Regulator")
    with pytest.raises(AttributeError):
        _ = CRG.Regulater


def test_curies_must_name_defined_terms() -> None:
    assert expand_curie("org:subOrganizationOf") == URIRef(
        "http://www.w3.org/ns/org#subOrganizationOf"
    )
    with pytest.raises(OntologyError):
        expand_curie("org:subOrganisationOf")
    with pytest.raises(OntologyError):
        expand_curie("nope:Thing")


@pytest.mark.parametrize(
    ("path", "build"), [(VOCAB_FILE, build_vocabulary), (SHAPES_FILE, build_shapes)]
)
def test_generated_turtle_is_up_to_date(path: Path, build: Callable[[], Graph]) -> None:
    """Byte-for-byte: the generators are deterministic (blank nodes named by content)."""
    assert path.read_text(encoding="utf-8") == turtle(build()), "run `python -m graph.rdf.files`"


def test_every_type_and_relation_is_in_the_vocabulary() -> None:
    ont, vocab = get_ontology(), build_vocabulary()
    for name, et in ont.entity_types.items():
        assert (CRG[name], RDF.type, OWL.Class) in vocab
        for curie in et.rdf:
            assert (CRG[name], RDFS.subClassOf, expand_curie(curie)) in vocab
    for name, rel in ont.relations.items():
        prop = CRG[relation_term(name)]
        assert (prop, RDF.type, OWL.ObjectProperty) in vocab
        if rel.rdf_super:
            assert (prop, RDFS.subPropertyOf, expand_curie(rel.rdf_super)) in vocab


@pytest.mark.parametrize("name", list(get_ontology().relations))
def test_domain_and_range_cover_exactly_the_endpoint_rule(name: str) -> None:
    """Expanding the classes named as domain/range gives back the rule's type sets."""
    ont = get_ontology()
    groups = {CRG[g]: m for g, m in group_classes(ont).items()}
    rel = ont.relations[name]
    for types in (rel.sources, rel.targets):
        expanded: set[str] = set()
        for cls in class_cover(types, ont):
            expanded |= groups.get(cls, {str(cls).rsplit("#", 1)[1]})
        assert expanded == set(types) or (not expanded and types == set(ont.entity_types))


# --- IRIs and terms ---------------------------------------------------------------------


def test_iris_are_percent_encoded_and_base_is_checked() -> None:
    iris = Iris(BASE)
    assert iris.entity("exchange:okx") == URIRef(BASE + "exchange:okx")
    assert iris.entity("exchange:欧易 x/y") == URIRef(BASE + "exchange:%E6%AC%A7%E6%98%93%20x%2Fy")
    assert iris.article("a b#c") == URIRef(BASE + "article/a%20b%23c")
    assert safe_iri('https://x.org/a b"<>') == URIRef("https://x.org/a%20b%22%3C%3E")
    assert safe_iri("javascript:alert(1)") is None
    for bad in ("w3id.org/id/", "https://x.org/id", "https://x.org/a b/"):
        with pytest.raises(ConfigError):
            Iris(bad)


TRICKY = [
    'quote " and \\ backslash',
    "new\nline\r\ttab\x08bs\x0cff",
    "controls \x00\x01\x1f\x7f",
    "欧易 Ou Yi — “smart” 🚀",
    "",
    "ends with backslash \\",
]


@pytest.mark.parametrize("text", TRICKY)
def test_term_serialiser_round_trips_through_rdflib(text: str) -> None:
    literals = [
        Literal(text),
        Literal(text, lang="zh-Latn"),
        Literal(text, datatype=rdflib.XSD.token),
    ]
    s, p = URIRef(BASE + "x"), CRG.evidence
    doc = "".join(f"{nt_term(s)} {nt_term(p)} {nt_term(lit)} .\n" for lit in literals)
    parsed = Graph().parse(data=doc, format="nt")
    assert set(parsed.objects(s, p)) == set(literals)


def test_lone_surrogates_become_replacement_characters() -> None:
    assert nt_term(Literal("a\udc80b")) == '"a\ufffdb"'


def test_unknown_format_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError, match="turtle"):
        get_format("xml")


def test_cli_format_choices_match_the_exporter() -> None:
    from api.cli import RdfFormat

    assert {f.value for f in RdfFormat} == set(FORMATS)


def test_docs_mapping_table_is_current() -> None:
    from graph.rdf.docs import mapping_tables

    doc = (Path(__file__).resolve().parents[1] / "docs" / "rdf.md").read_text(encoding="utf-8")
    assert mapping_tables() in doc, "run `python -m graph.rdf.docs`"


# --- action events -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021", Literal("2021", datatype=rdflib.XSD.gYear)),
        ("2021-09", Literal("2021-09", datatype=rdflib.XSD.gYearMonth)),
        ("2021-09-15", Literal("2021-09-15", datatype=rdflib.XSD.date)),
        (None, None),
        ("", None),
        ("2021-13", None),  # no such month: left out, not exported ill-typed
        ("15 Sept 2021", None),
    ],
)
def test_partial_dates_become_literals_of_their_precision(
    text: str | None, expected: Literal | None
) -> None:
    assert partial_date_literal(text) == expected  # equal literals: same text and datatype


def test_every_action_and_only_actions_have_an_event_class() -> None:
    ont, vocab = get_ontology(), build_vocabulary()
    sdo = rdflib.Namespace("https://schema.org/")
    assert (CRG.Event, RDFS.subClassOf, sdo.Action) in vocab
    for name, rel in ont.relations.items():
        term = event_class_term(name)
        if rel.kind == "action":
            assert (CRG[term], RDFS.subClassOf, CRG.Event) in vocab
            assert (CRG[term], RDFS.seeAlso, CRG[relation_term(name)]) in vocab
        else:
            with pytest.raises(AttributeError):
                _ = CRG[term]
    assert event_class_term(next(iter(ont.action_types))).endswith("Event")


def test_crg_date_ranges_over_the_three_precisions() -> None:
    vocab = build_vocabulary()
    rng = vocab.value(CRG.date, RDFS.range)
    assert rng is not None and (rng, RDF.type, RDFS.Datatype) in vocab
    members = Collection(vocab, vocab.value(rng, OWL.unionOf))
    assert list(members) == [rdflib.XSD.gYear, rdflib.XSD.gYearMonth, rdflib.XSD.date]


def test_every_status_of_the_ontology_has_a_schema_action_status() -> None:
    statuses = get_ontology().property_values["status"]
    assert set(ACTION_STATUS) == set(statuses)
    assert len(set(ACTION_STATUS.values())) == len(statuses)


def test_event_shape_targets_every_event_class() -> None:
    shapes = build_shapes()
    targets = set(shapes.objects(SHAPES.Event, SH.targetClass))
    assert targets == {CRG[event_class_term(n)] for n in get_ontology().action_types}


def test_event_and_statement_iris() -> None:
    iris = Iris(BASE)
    assert iris.event("ev-0123") == URIRef(BASE + "event/ev-0123")
    assert iris.event_part("ev-0123", "ended-lifted") == URIRef(BASE + "event/ev-0123#ended-lifted")
    assert iris.event_part("ev-0123", "a b#c") == URIRef(BASE + "event/ev-0123#a%20b%23c")
    plain = iris.statement("a1", "regulator:x", REL.fined, "exchange:y")
    first = iris.statement("a1", "regulator:x", REL.fined, "exchange:y", "ev-1")
    second = iris.statement("a1", "regulator:x", REL.fined, "exchange:y", "ev-2")
    assert len({plain, first, second}) == 3  # two fines of one pair stated by one article
    assert first == iris.statement("a1", "regulator:x", REL.fined, "exchange:y", "ev-1")


def test_hidden_alias_kinds_are_hidden_labels_not_alternative_ones() -> None:
    """A descriptive alias kind is declared a skos:hiddenLabel; every other kind an
    altLabel (the ontology's `hidden_alias_kinds` flag decides)."""
    from rdflib.namespace import RDFS, SKOS

    from graph.ontology import get_ontology
    from graph.rdf.namespaces import CRG, alias_term
    from graph.rdf.owl import build_vocabulary

    ont = get_ontology()
    vocab = build_vocabulary()
    assert ont.hidden_alias_kinds == {"descriptive"}
    for kind in ont.alias_kinds:
        supers = set(vocab.objects(CRG[alias_term(kind)], RDFS.subPropertyOf))
        expected = SKOS.hiddenLabel if kind in ont.hidden_alias_kinds else SKOS.altLabel
        assert supers == {expected}, kind
