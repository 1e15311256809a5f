"""Typed literals the mapping writes: decimals in canonical form and partial dates."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal
from rdflib.namespace import XSD

from graph.partial_dates import PartialDate
from graph.rdf.namespaces import PARTIAL_DATE_DATATYPES


@lru_cache(maxsize=4096, typed=True)
def decimal_literal(value: float | int) -> Literal:
    """An xsd:decimal in canonical form: plain notation (`1E+21` is no xsd:decimal) with a
    fractional part (`5.0`), the form Turtle's shorthand `5.0` parses back to."""
    if not math.isfinite(value):
        raise ValueError(f"{value!r} is no xsd:decimal")
    lexical = format(Decimal(repr(value)), "f")
    return Literal(lexical if "." in lexical else lexical + ".0", datatype=XSD.decimal)


@lru_cache(maxsize=4096)
def date_literal(value: dt.date | None) -> Literal | None:
    """An xsd:date (memoised: building a typed Literal is the costliest step of the mapping)."""
    return None if value is None else Literal(value, datatype=XSD.date)


@lru_cache(maxsize=4096)
def partial_date_literal(value: str | None) -> Literal | None:
    """A partial date text typed by its precision: "2021" an xsd:gYear, "2021-09" an
    xsd:gYearMonth, "2021-09-15" an xsd:date. None for None, and for a text that is no
    date (a store written before dates were checked): leaving it out keeps the export valid."""
    if not value:
        return None
    try:
        date = PartialDate.parse(value)
    except ValueError:
        return None
    return Literal(date.text(), datatype=PARTIAL_DATE_DATATYPES[date.precision])
