"""Articles and extractions as Arrow rows and back: the Parquet schema is derived from the records' dataclasses.

One Arrow struct per record class, one list column per collection in an `Extraction`. The same schema is what
any other producer of extractions (a batch job on a cluster) writes for the build to read back.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

import pyarrow as pa

from etl.records import Article, EventRec, Extraction, FigureRec, Mention, OrgRec, ParticipationRec, PersonRec

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    date: pa.date32(),
}
# Extraction's collections: name -> record class; the dict ones are keyed by the record's local_id
COLLECTIONS: dict[str, type] = {
    "people": PersonRec,
    "orgs": OrgRec,
    "mentions": Mention,
    "events": EventRec,
    "participations": ParticipationRec,
    "figures": FigureRec,
}
_KEYED = ("people", "orgs", "events")


def _arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of one annotated field (str | None is a nullable string, set[str] a list of strings)."""
    if hint in _SCALARS:
        return _SCALARS[hint]
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return _arrow_type(inner)
    if origin in (set, frozenset, list, tuple):
        return pa.list_(_arrow_type(args[0]))
    raise TypeError(f"no Arrow type for {hint!r}")


@cache
def struct_of(cls: type) -> pa.StructType:
    """The Arrow struct for a record dataclass, field by field in declaration order."""
    hints = get_type_hints(cls)
    return pa.struct([pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)])


def _from_arrow(hint: Any) -> Callable[[Any], Any] | None:
    """How to turn an Arrow value back into the field's Python type (None: as it comes)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return _from_arrow(next(a for a in args if a is not type(None)))
    if origin in (set, frozenset):
        return set
    if origin is tuple:
        return tuple
    return None


@cache
def _converters(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    hints = get_type_hints(cls)
    return tuple((f.name, _from_arrow(hints[f.name])) for f in dataclasses.fields(cls))


def to_row(record: Any) -> dict[str, Any]:
    """A record dataclass as a dict Arrow takes (sets sorted into lists, so equal records write equal rows)."""
    out = {}
    cls: type = type(record)
    for name, convert in _converters(cls):
        value = getattr(record, name)
        out[name] = sorted(value) if convert is set else list(value) if convert is tuple else value
    return out


def from_row(cls: type, row: dict[str, Any]) -> Any:
    """A record dataclass from its Arrow row."""
    return cls(
        **{
            name: convert(row[name]) if convert and row[name] is not None else row[name]
            for name, convert in _converters(cls)
        }
    )


ARTICLE_SCHEMA = pa.schema([pa.field("key", pa.string()), *struct_of(Article)])
EXTRACTION_SCHEMA = pa.schema(
    [pa.field("key", pa.string())] + [pa.field(name, pa.list_(struct_of(cls))) for name, cls in COLLECTIONS.items()]
)


def article_row(key: str, article: Article) -> dict[str, Any]:
    """One read article as a cache row."""
    return {"key": key, **to_row(article)}


def article_from_row(row: dict[str, Any]) -> Article:
    """The article a cache row holds."""
    article: Article = from_row(Article, row)
    return article


def extraction_row(key: str, ex: Extraction) -> dict[str, Any]:
    """One article's extraction as a cache row (the article itself is not stored: it is read anew)."""
    row: dict[str, Any] = {"key": key}
    for name in COLLECTIONS:
        items = getattr(ex, name)
        row[name] = [to_row(r) for r in (items.values() if name in _KEYED else items)]
    return row


def extraction_from_row(article: Article, row: dict[str, Any]) -> Extraction:
    """The extraction a cache row holds, for `article`."""
    ex = Extraction(article)
    for name, cls in COLLECTIONS.items():
        records = [from_row(cls, r) for r in row[name]]
        setattr(ex, name, {r.local_id: r for r in records} if name in _KEYED else records)
    return ex
