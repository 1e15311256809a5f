"""The shipped gazetteer: it loads, its references resolve, its names are safe to match.

The broken-data tests write small gazetteers to tmp dirs and check that the error
names the file and the entry, since that message is what a curator acts on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import require_corpus

from graph.ids import normalize_name
from graph.ontology import get_ontology
from ingest.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    GazetteerError,
    is_all_caps_abbreviation,
    load_gazetteer,
)
from ingest.gazetteer import cache as gazetteer_cache


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _one(gaz: Gazetteer, entity_type: str, name: str) -> GazetteerEntry:
    entry = gaz.canonical(entity_type, name)
    assert entry is not None, f"no {entity_type} {name!r}"
    return entry


def _alias_kinds(entry: GazetteerEntry) -> dict[str, tuple[str, str | None]]:
    return {a.name: (a.kind, a.lang) for a in entry.aliases}


# --- loading and coverage -------------------------------------------------------------


def test_shipped_gazetteer_loads_with_ontology_types(gaz: Gazetteer) -> None:
    types = set(get_ontology().entity_types)
    assert len(gaz) > 1000
    assert {e.type for e in gaz.entries} <= types
    assert load_gazetteer() is gaz  # built once per process


def test_coverage_counts(gaz: Gazetteer) -> None:
    bodies = [e for e in gaz.entries if e.type in ("Regulator", "CentralBank")]
    countries = set()
    for body in bodies:
        place = gaz.jurisdiction_of(body)
        assert place is not None, body.label()
        chain = [place, *gaz.ancestors(place)]
        countries.add(next((p.name for p in chain if p.iso), place.name))
    assert len(countries) >= 60
    assert sum(e.type == "Exchange" for e in gaz.entries) >= 150


def test_every_reference_resolves(gaz: Gazetteer) -> None:
    for entry in gaz.entries:
        if entry.jurisdiction is not None:
            place = gaz.jurisdiction_of(entry)
            assert place is not None and place.type == "Jurisdiction", entry.label()
        if entry.parent is not None:
            parent = gaz.parent_of(entry)
            assert parent is not None, entry.label()
            relation = "PART_OF" if entry.type == "Jurisdiction" else "SUBSIDIARY_OF"
            get_ontology().check_edge(relation, entry.type, parent.type)
        for aff in entry.affiliations:
            assert gaz.by_name(aff.org), f"{entry.label()}: {aff.org}"


def test_ids_are_unique_and_resolve(gaz: Gazetteer) -> None:
    ids = [e.id for e in gaz.entries]
    assert len(ids) == len(set(ids))
    okx = gaz.by_id("exchange:okx")
    assert okx is not None and okx.name == "OKX"


# --- the facts the extractor relies on ------------------------------------------------


def test_okx_translations_and_former_name(gaz: Gazetteer) -> None:
    aliases = _alias_kinds(_one(gaz, "Exchange", "OKX"))
    assert aliases["Ou Yi"] == ("translation", "zh-Latn")
    assert aliases["欧易"] == ("translation", "zh")
    assert aliases["OKEx"][0] == "former_name"
    assert [e.name for e in gaz.by_name("ou yi")] == ["OKX"]


def test_huobi_is_a_former_name_of_htx(gaz: Gazetteer) -> None:
    assert _alias_kinds(_one(gaz, "Exchange", "HTX"))["Huobi"][0] == "former_name"
    assert [e.name for e in gaz.by_name("Huobi")] == ["HTX"]


def test_sec_is_ambiguous_across_jurisdictions(gaz: Gazetteer) -> None:
    forms = [f for f in gaz.surface_forms() if f.text == "SEC"]
    assert len(forms) >= 3
    assert all(f.ambiguous and f.case_sensitive for f in forms)
    assert {f.entry.type for f in forms} == {"Regulator"}
    places = {f.entry.jurisdiction for f in forms}
    assert {"United States", "Philippines", "Thailand", "Nigeria"} <= places
    # the qualified forms are not ambiguous
    thai = "Securities and Exchange Commission of Thailand"
    assert [e.name for e in gaz.by_name("Thai SEC")] == [thai]
    assert [e.name for e in gaz.by_name("U.S. SEC")] == ["U.S. Securities and Exchange Commission"]


def test_amf_names_both_france_and_quebec(gaz: Gazetteer) -> None:
    places = {e.jurisdiction for e in gaz.by_name("AMF")}
    assert places == {"France", "Quebec"}


def test_tether_company_and_usdt_coin_are_apart(gaz: Gazetteer) -> None:
    company = [f for f in gaz.surface_forms() if f.text == "Tether"]
    coin = [f for f in gaz.surface_forms() if f.text == "tether"]
    assert [f.entry.type for f in company] == ["Company"] and company[0].case_sensitive
    assert [f.entry.type for f in coin] == ["CryptoAsset"] and coin[0].case_sensitive
    assert [e.type for e in gaz.by_name("USDT")] == ["CryptoAsset"]


def test_binance_group_entities(gaz: Gazetteer) -> None:
    assert gaz.parent_of(_one(gaz, "Exchange", "Binance.US")).name == "Binance"  # type: ignore[union-attr]
    markets = _one(gaz, "Company", "Binance Markets Limited")
    assert gaz.parent_of(markets).name == "Binance"  # type: ignore[union-attr]
    assert _alias_kinds(markets)["EddieUK"][0] == "former_name"
    assert _alias_kinds(_one(gaz, "Person", "Changpeng Zhao"))["CZ"][0] == "nickname"


def test_jurisdiction_chain_and_special_places(gaz: Gazetteer) -> None:
    chaoyang = _one(gaz, "Jurisdiction", "Chaoyang District")
    assert [p.name for p in gaz.ancestors(chaoyang)] == ["Beijing", "China"]
    assert gaz.parent_of(_one(gaz, "Jurisdiction", "Hong Kong")).name == "China"  # type: ignore[union-attr]
    assert [e.name for e in gaz.by_name("mainland China")] == ["China"]
    assert [e.name for e in gaz.by_name("EU")] == ["European Union"]
    assert [e.name for e in gaz.by_name("New York State")] == ["New York"]
    assert [e.name for e in gaz.by_name("Türkiye")] == ["Turkey"]


# --- countries from pycountry ---------------------------------------------------------


def test_every_pycountry_country_is_one_entry_with_a_news_name(gaz: Gazetteer) -> None:
    import pycountry

    by_iso = {e.iso: e for e in gaz.entries if e.iso}
    assert set(by_iso) == {c.alpha_2 for c in pycountry.countries}
    expected = {
        "KR": "South Korea",
        "TW": "Taiwan",
        "RU": "Russia",
        "TR": "Turkey",
        "VN": "Vietnam",
        "IR": "Iran",
        "VG": "British Virgin Islands",
        "CZ": "Czech Republic",
    }
    assert {iso: by_iso[iso].name for iso in expected} == expected
    for entry in by_iso.values():
        assert not entry.name.endswith(" of") and ", Republic" not in entry.name, entry.name


def test_codes_and_adjectives_are_not_aliases(gaz: Gazetteer) -> None:
    import pycountry

    places = {f.text for f in gaz.surface_forms() if f.entry.type == "Jurisdiction"}
    codes = {c.alpha_3 for c in pycountry.countries} - {"USA"}  # "USA" is a curated alias
    assert places & codes == set()
    surfaces = {f.text for f in gaz.surface_forms()}
    assert "Chinese" not in surfaces and "Turkish" not in surfaces
    assert [e.name for e in gaz.by_adjective("Chinese")] == ["China"]
    assert "American" in gaz.adjectives["United States"]


# --- matching safety ------------------------------------------------------------------

COMMON_WORDS = """
gate gemini liquid curve uphold newton circle ripple genesis celsius block meta apple
strategy sandbox near flow dash link atom one mint fortune punch vanguard jupiter
balancer rain lemon ledger elliptic decrypt victoria chad jordan central congress
treasury parliament sun x us it may will mining staking trading exchange bank court
police government senate house fed sec ice max visa strike sushi satang backpack state
america turkey guinea chile jersey standard nation national information economist hindu
dawn cosmos avalanche stellar dai polygon sand tether grayscale bitwise fidelity lido
voyager alameda austin hamilton wilmington inquirer official gazette supreme court
""".split()


def test_no_common_word_matches_case_insensitively_without_context(gaz: Gazetteer) -> None:
    words = set(COMMON_WORDS) | {"supreme court", "official gazette", "the block"}
    loose = [
        f.text
        for f in gaz.surface_forms()
        if normalize_name(f.text) in words
        and not (f.case_sensitive or f.ambiguous or f.needs_context)
    ]
    assert loose == []


def test_case_sensitivity_rule() -> None:
    for text in ("SEC", "U.S.", "CBN", "FIU", "3AC", "HKMA"):
        assert is_all_caps_abbreviation(text), text
    for text in ("FIU-IND", "Fed", "BoE", "Binance", "欧易", "CBIRCX"):
        assert not is_all_caps_abbreviation(text), text


def test_surface_forms_carry_case_and_context_flags(gaz: Gazetteer) -> None:
    forms = {(f.text, f.entry.name): f for f in gaz.surface_forms()}
    text, entry, kind, ambiguous = forms[("FCA", "Financial Conduct Authority")]
    assert (text, kind, ambiguous) == ("FCA", "abbreviation", False)
    assert forms[("FCA", "Financial Conduct Authority")].case_sensitive
    assert not forms[("Financial Conduct Authority", "Financial Conduct Authority")].case_sensitive
    assert forms[("BoE", "Bank of England")].case_sensitive  # explicit, not by rule
    assert forms[("Gemini", "Gemini")].needs_context
    # U.S./US spelling variants are generated, not written twice
    assert ("US Justice Department", "U.S. Department of Justice") in forms


def test_person_aliases_are_full_name_safe(gaz: Gazetteer) -> None:
    for person in (e for e in gaz.entries if e.type == "Person"):
        for alias in person.aliases:
            safe = (
                alias.kind in ("nickname", "abbreviation")
                or " " in alias.name
                or "-" in alias.name
                or not alias.name.isascii()
            )
            assert safe, f"{person.name}: {alias.name}"


def test_every_named_gold_entity_is_in_the_gazetteer(gaz: Gazetteer) -> None:
    """Regression guard: the dev and seed gold entities resolve to an entry of a fair type."""
    not_listed = {
        "Compass Press Agency",
        "Atlantic Newswire",
        "Meridian Wire",
        "HTX_Global",
        "intermediating fund transfers to crypto asset platforms",
    }
    missing = []
    corpus = require_corpus("seed", "dev")
    golds = [*corpus.glob("seed/gold/*.json"), *corpus.glob("dev/gold/*.json")]
    for path in sorted(golds):
        for ent in json.loads(path.read_text(encoding="utf-8"))["entities"]:
            if ent.get("unnamed") or ent.get("count") is not None or ent["name"] in not_listed:
                continue
            types = set(ent["type"]) if isinstance(ent["type"], list) else {ent["type"]}
            names = [ent["name"], *ent.get("aliases", [])]
            if not any(e.type in types for n in names for e in gaz.by_name(n)):
                missing.append(f"{path.name}: {ent['name']}")
    assert missing == []


# --- bad data -------------------------------------------------------------------------

_PLACE = """source: "test fixture written by tests/test_gazetteer.py"
entries:
  - {name: "Testland", type: jurisdiction}
"""


def _write(directory: Path, name: str, body: str) -> None:
    (directory / name).write_text(body, encoding="utf-8")


def _load(directory: Path) -> Gazetteer:
    return load_gazetteer(directory, with_pycountry=False)


def test_a_valid_tmp_gazetteer_loads(tmp_path: Path) -> None:
    _write(tmp_path, "places.yaml", _PLACE)
    _write(
        tmp_path,
        "regulators.yaml",
        """source: "test fixture written by a test"
entries:
  - name: "Testland Securities Commission"
    type: regulator
    jurisdiction: Testland
    aliases: [{name: "TSC", kind: abbreviation}]
""",
    )
    gaz = _load(tmp_path)
    assert [e.name for e in gaz.by_name("TSC")] == ["Testland Securities Commission"]


def test_unknown_type_names_file_and_entry(tmp_path: Path) -> None:
    _write(tmp_path, "places.yaml", _PLACE)
    _write(
        tmp_path,
        "broken.yaml",
        """source: "test fixture written by a test"
entries:
  - {name: "Fine Exchange", type: exchange}
  - {name: "Bad Bureau", type: Bureau}
""",
    )
    with pytest.raises(GazetteerError) as err:
        _load(tmp_path)
    message = str(err.value)
    assert "broken.yaml" in message and "entry 1" in message and "'Bad Bureau'" in message
    assert "Bureau" in message and "type" in message


def test_dangling_jurisdiction_names_the_entry(tmp_path: Path) -> None:
    _write(tmp_path, "places.yaml", _PLACE)
    _write(
        tmp_path,
        "regulators.yaml",
        """source: "test fixture written by a test"
entries:
  - {name: "Atlantis Authority", type: regulator, jurisdiction: Atlantis}
""",
    )
    with pytest.raises(GazetteerError, match=r"regulators\.yaml.*Atlantis Authority.*'Atlantis'"):
        _load(tmp_path)


def test_shared_alias_must_be_declared_ambiguous(tmp_path: Path) -> None:
    _write(tmp_path, "places.yaml", _PLACE)
    body = """source: "test fixture written by a test"
entries:
  - {name: "Alpha Commission", type: regulator, aliases: [{name: "Alpha Com", kind: other}]}
  - {name: "Alpha Committee", type: governmentbody, aliases: [{name: "Alpha Com", kind: other}]}
"""
    _write(tmp_path, "bodies.yaml", body)
    with pytest.raises(GazetteerError, match=r"'Alpha Com' also names .*Alpha Commi"):
        _load(tmp_path)
    _write(
        tmp_path,
        "bodies.yaml",
        body.replace(
            'aliases: [{name: "Alpha Com", kind: other}]', 'ambiguous_aliases: ["Alpha Com"]'
        ),
    )
    assert len(_load(tmp_path).by_name("Alpha Com")) == 2


def test_bare_first_name_is_refused_for_a_person(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "people.yaml",
        """source: "test fixture written by a test"
entries:
  - {name: "Jane Example", type: person, aliases: [{name: "Jane", kind: other}]}
""",
    )
    with pytest.raises(GazetteerError, match=r"people\.yaml.*'Jane Example'.*single word"):
        _load(tmp_path)


def test_yaml_syntax_error_names_the_file(tmp_path: Path) -> None:
    _write(tmp_path, "oops.yaml", "source: [unclosed\nentries:\n  - name: x\n")
    with pytest.raises(GazetteerError, match=r"oops\.yaml: not valid YAML"):
        _load(tmp_path)


def test_parent_cycle_is_refused(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "places.yaml",
        """source: "test fixture written by a test"
entries:
  - {name: "Upton", type: jurisdiction, parent: Downton}
  - {name: "Downton", type: jurisdiction, parent: Upton}
""",
    )
    with pytest.raises(GazetteerError, match="parent cycle"):
        _load(tmp_path)


def test_cache_key_follows_content(tmp_path: Path) -> None:
    data = tmp_path / "a.yaml"
    data.write_text(_PLACE, encoding="utf-8")
    key = gazetteer_cache.content_key([data])
    gazetteer_cache.write(key, [{"source": "x", "entries": []}], cache_dir=tmp_path / "c")
    assert gazetteer_cache.read(key, cache_dir=tmp_path / "c") == [{"source": "x", "entries": []}]
    data.write_text(_PLACE.replace("Testland", "Otherland"), encoding="utf-8")
    new_key = gazetteer_cache.content_key([data])
    assert new_key != key
    assert gazetteer_cache.read(new_key, cache_dir=tmp_path / "c") is None
