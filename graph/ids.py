"""Stable identity: normalised names and ids such as `exchange:okx`.

Two mentions are the same body when their normalised names are equal, so the
normalisation here is the contract: case, accents, punctuation, apostrophe style
and whitespace never matter; non-Latin scripts are kept (欧易 stays 欧易).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from graph.errors import OntologyError
from graph.ontology import get_ontology

_APOSTROPHES = str.maketrans({"\u2019": "", "\u2018": "", "'": "", "\u02bc": "", "`": ""})
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_LEADING_THE = re.compile(r"^the ")


def strip_accents(text: str) -> str:
    """'Özer' -> 'Ozer'; characters without a Latin base are kept as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_name(name: str) -> str:
    """The lookup key of a name: lower case, no accents, punctuation or leading 'the'."""
    text = strip_accents(unicodedata.normalize("NFKC", name)).casefold().translate(_APOSTROPHES)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    text = " ".join(text.split())
    return _LEADING_THE.sub("", text)


def slugify(name: str) -> str:
    """The id-safe form of a name: its normalised words joined by '-'."""
    slug = normalize_name(name).replace(" ", "-")
    if slug:
        return slug
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def entity_id(entity_type: str, canonical_name: str) -> str:
    """The stable id of a named entity: `<type prefix>:<slug of its canonical name>`."""
    et = get_ontology().entity_types.get(entity_type)
    if et is None:
        raise OntologyError(f"unknown entity type {entity_type!r}")
    return f"{et.id_prefix}:{slugify(canonical_name)}"


def group_id(
    entity_type: str, article_id: str, action: str, description: str, count: int | None
) -> str:
    """Id of an unnamed group ("13 apps"), scoped to one article and action: never merged."""
    et = get_ontology().entity_types.get(entity_type)
    if et is None:
        raise OntologyError(f"unknown entity type {entity_type!r}")
    digest = hashlib.sha1(
        f"{article_id}|{action}|{normalize_name(description)}|{count}".encode()
    ).hexdigest()[:10]
    return f"{et.id_prefix}:group-{digest}"


def article_id(url: str | None, text: str) -> str:
    """Stable article id from its URL, else from its text."""
    basis = url.strip() if url else " ".join(text.split())
    return "article-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
