"""Stable identity: normalised names and ids such as `exchange:okx`.

Two mentions are the same body when their name keys are equal, so the normalisation
here is the contract: case, accents, punctuation, apostrophe style and whitespace never
matter, '&' reads 'and' and legal abbreviations are spelled out ("Ltd" is "Limited");
non-Latin scripts are kept (欧易 stays 欧易).

Ids depend only on the entity, never on what is stored or which article came first
(issue 17): a named entity's id is its type and name key, so every spelling of one name
gets one id in any order; an unnamed group acted on gets the id of the event
(`event_group_id`), so two articles reporting one ban of "13 apps" give one id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from graph.errors import OntologyError
from graph.ontology import get_ontology

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "\u02bc": "", "`": ""})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_LEADING_THE = re.compile(r"^the ")
_SUFFIXES = {
    "ltd": "limited",
    "inc": "incorporated",
    "corp": "corporation",
    "co": "company",
    "intl": "international",
    "dept": "department",
    "govt": "government",
    "assn": "association",
}


def strip_accents(text: str) -> str:
    """'Özer' -> 'Ozer'; characters without a Latin base are kept as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Names are normalised over and over (identity, aliases, the stores' keys, every article
# of a batch naming the same bodies), so short strings' results are kept; both
# functions are pure. Long strings (sentences searched for a name) are not kept.
_CACHED_LEN = 200
_CACHE_SIZE = 1 << 16


def normalize_name(name: str) -> str:
    """The lookup key of a name: lower case, no accents, punctuation or leading 'the'."""
    return _normalized(name) if len(name) <= _CACHED_LEN else _normalize(name)


def _normalize(name: str) -> str:
    text = strip_accents(unicodedata.normalize("NFKC", name)).casefold().translate(_APOSTROPHES)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    text = " ".join(text.split())
    return _LEADING_THE.sub("", text)


_normalized = lru_cache(maxsize=_CACHE_SIZE)(_normalize)


def name_key(name: str) -> str:
    """The identity key of a name: normalised, '&' read as 'and', legal abbreviations
    spelled out ("Binance Holdings Ltd." and "binance holdings limited" share one)."""
    return _keyed(name) if len(name) <= _CACHED_LEN else _name_key(name)


def _name_key(name: str) -> str:
    words = normalize_name(name.replace("&", " and ")).split()
    return " ".join(_SUFFIXES.get(w, w) for w in words)


_keyed = lru_cache(maxsize=_CACHE_SIZE)(_name_key)


def slugify(name: str) -> str:
    """The id-safe form of a name: its normalised words joined by '-'."""
    slug = normalize_name(name).replace(" ", "-")
    if slug:
        return slug
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def _prefix(entity_type: str) -> str:
    et = get_ontology().entity_types.get(entity_type)
    if et is None:
        raise OntologyError(f"unknown entity type {entity_type!r}")
    return et.id_prefix


def entity_id(entity_type: str, canonical_name: str) -> str:
    """The stable id of a named entity: `<type prefix>:<slug of its name key>`; a name
    with no word characters gets a digest of the name."""
    slug = name_key(canonical_name).replace(" ", "-") or slugify(canonical_name)
    return f"{_prefix(entity_type)}:{slug}"


def group_id(
    entity_type: str, article_id: str, action: str, description: str, count: int | None
) -> str:
    """Id of an unnamed group ("13 apps") as one article names it, scoped to the article
    and action. When the group is acted on, identity resolution replaces it by
    `event_group_id`, which does not depend on the article."""
    digest = hashlib.sha1(
        f"{article_id}|{action}|{normalize_name(description)}|{count}".encode()
    ).hexdigest()[:10]
    return f"{_prefix(entity_type)}:group-{digest}"


def event_group_id(
    entity_type: str, actor_id: str, action: str, count: int | None, year: int | None
) -> str:
    """Id of the unnamed group an actor acted on: one per (group type, actor, action,
    count, year of the action), whichever article tells it, so "the central bank banned
    13 apps" told by two outlets is one group node, in any order."""
    digest = hashlib.sha1(
        f"event|{entity_type}|{actor_id}|{action}|{count}|{year}".encode()
    ).hexdigest()[:10]
    return f"{_prefix(entity_type)}:group-{digest}"


def article_id(url: str | None, text: str) -> str:
    """Stable article id from its URL, else from its text."""
    basis = url.strip() if url else " ".join(text.split())
    return "article-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
