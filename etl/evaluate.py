"""Score a built database against hand-made gold annotations (one JSON file per article).

The gold format is the one in `tests/data/gold/` (see its README): events, people with title and
organisation, participations with roles, organisation names and figures. Matching is lenient the way
a reader is: case, diacritics, honorifics and a leading "the" are ignored, near spellings match, an
initial matches a full first name ("A. Doe" = "Anna Doe"), a shorter organisation or event name
matches when it is contained in the longer one. Each gold record matches at most one extracted record.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from etl.errors import EtlError

CATEGORIES = (
    "people",
    "organizations",
    "affiliations",
    "roles",
    "co_participants",
    "events",
    "event_dates",
    "figures",
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof", "sir", "madam"})


class GoldError(EtlError):
    """A gold file that cannot be read or does not follow the format."""


@dataclass
class Tally:
    """Matched, gold and extracted counts of one category; precision, recall and F1 from them."""

    hits: int = 0
    gold: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else (1.0 if self.gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise(text: str | None) -> str:
    """Lower case, no diacritics, punctuation, honorifics or leading 'the'."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = [w for w in re.sub(r"[^\w&]+", " ", text).split() if w not in _HONORIFICS]
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _similar(a: str, b: str, threshold: float) -> bool:
    # difflib's ratio, as the shared referee (score.py) computes it: rapidfuzz's differs by a few points
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= threshold


def _contained(a: str, b: str, min_words: int) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= min_words and f" {short} " in f" {long_} "


def same_person(a: str, b: str) -> bool:
    """Same person: near spelling, or same surname with a compatible initial."""
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return False
    if _similar(a, b, 0.9):
        return True
    ta, tb = a.split(), b.split()
    if len(ta) >= 2 and len(tb) >= 2 and ta[-1] == tb[-1] and ta[0][0] == tb[0][0]:
        return len(ta[0]) == 1 or len(tb[0]) == 1
    return False


def same_org(a: str, b: str) -> bool:
    """Same organisation: near spelling, or one name (2+ words) inside the other."""
    a, b = normalise(a), normalise(b)
    return bool(a and b) and (_similar(a, b, 0.88) or _contained(a, b, 2))


def same_event(a: str, b: str) -> bool:
    """Same event: near spelling, or one name (3+ words) inside the other."""
    a, b = normalise(a), normalise(b)
    return bool(a and b) and (_similar(a, b, 0.8) or _contained(a, b, 3))


def same_value(gold: dict[str, Any], got: dict[str, Any]) -> bool:
    """Same figure: percent on both sides or neither, value within 0.5 %."""
    try:
        g, v = float(gold["value"]), float(got["value"])
    except (KeyError, TypeError, ValueError):
        return False
    if (str(gold.get("unit", "")).lower() == "percent") != (str(got.get("unit", "")).lower() == "percent"):
        return False
    return abs(g - v) <= max(0.005 * abs(g), 1e-9)


def dated_alike(gold_start: str | None, got_start: str | None, precision: str | None) -> bool:
    """The extracted start date says what the gold one says, at the precision it claims."""
    if not gold_start or not got_start:
        return False
    keep = {"year": 4, "month": 7}.get(precision or "day", 10)
    return len(gold_start) <= keep and got_start[:keep] == gold_start[:keep]


def _text(record: Any) -> str:
    return normalise(record[0] if isinstance(record, tuple) else str(record))


def match(golds: Sequence[Any], found: Sequence[Any], same: Callable[[Any, Any], bool], tally: Tally) -> None:
    """One-to-one matching of gold to found records, added into `tally`.

    Each gold record takes, among the unused records it matches, the one spelled most like it, so
    'X Festival' takes 'X Festival (XF)' and leaves 'Closing ceremony of the X Festival' to its own
    gold record whatever order the database returns them in.
    """
    used: set[int] = set()
    for g in golds:
        candidates = [i for i, x in enumerate(found) if i not in used and same(g, x)]
        key = _text(g)
        hit = max(candidates, key=lambda i: difflib.SequenceMatcher(None, key, _text(found[i])).ratio(), default=None)
        if hit is None:
            tally.misses.append(str(g))
        else:
            used.add(hit)
            tally.hits += 1
    tally.extras += [str(x) for i, x in enumerate(found) if i not in used]
    tally.gold += len(golds)
    tally.found += len(found)


def _pairs(groups: list[list[str]]) -> list[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for names in groups:
        uniq = sorted(set(names))
        out.update((a, b) for i, a in enumerate(uniq) for b in uniq[i + 1 :])
    return sorted(out)


def expected(gold: dict[str, Any]) -> dict[str, Any]:
    """The records one gold file asks for, by category."""
    by_event: dict[str, list[str]] = {}
    for pa in gold.get("participations", []):
        by_event.setdefault(pa["event"], []).append(pa["person"])
    people = gold.get("people", [])
    return {
        "people": [p["name"] for p in people],
        "aliases": {p["name"]: p.get("aliases") or [] for p in people},
        "organizations": list(gold.get("organizations", [])),
        "figures": list(gold.get("figures", [])),
        "events": [(e["name"], e.get("start")) for e in gold.get("events", [])],
        "roles": sorted({(pa["person"], pa["role"]) for pa in gold.get("participations", [])}),
        "affiliations": sorted({(p["name"], p["organization"]) for p in people if p.get("organization")}),
        "co_participants": _pairs(list(by_event.values())),
    }


def extracted(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any]:
    """What the database holds for one article, in the same shapes as `expected`."""

    def rows(sql: str) -> list[tuple[Any, ...]]:
        return con.execute(sql, [article_id]).fetchall()

    parts = rows(
        """SELECT pa.event_id, p.name, pa.role FROM participations pa
        JOIN people p ON p.person_id = pa.person_id
        JOIN event_articles ea ON ea.event_id = pa.event_id WHERE ea.article_id = ?"""
    )
    by_event: dict[str, list[str]] = {}
    for event_id, person, _ in parts:
        by_event.setdefault(event_id, []).append(person)
    return {
        "people": [
            r[0]
            for r in rows(
                """SELECT DISTINCT p.name FROM mentions m JOIN people p ON p.person_id = m.entity_id
                WHERE m.article_id = ? AND m.kind = 'person' ORDER BY 1"""
            )
        ],
        "organizations": [
            r[0]
            for r in rows(
                """SELECT DISTINCT o.name FROM mentions m JOIN organizations o ON o.org_id = m.entity_id
                WHERE m.article_id = ? AND m.kind = 'organization' ORDER BY 1"""
            )
        ],
        "events": rows(
            """SELECT e.name, CAST(e.start_date AS VARCHAR), e.date_precision FROM event_articles ea
            JOIN events e ON e.event_id = ea.event_id WHERE ea.article_id = ? ORDER BY e.start_date, e.name"""
        ),
        "figures": [
            {"value": v, "unit": u, "text": t}
            for v, u, t in rows("SELECT value, unit, text FROM figures WHERE article_id = ? ORDER BY start_char")
        ],
        "roles": sorted({(person, role) for _, person, role in parts}),
        "affiliations": sorted(
            set(
                rows(
                    """SELECT p.name, o.name FROM affiliations a JOIN people p ON p.person_id = a.person_id
                    JOIN organizations o ON o.org_id = a.org_id WHERE a.article_id = ?"""
                )
            )
        ),
        "co_participants": _pairs(list(by_event.values())),
    }


def score_article(want: dict[str, Any], got: dict[str, Any], totals: dict[str, Tally]) -> None:
    """Add one article's matches into the per-category totals."""
    aliases = want["aliases"]

    def person_like(gold_name: str, name: str) -> bool:
        return any(same_person(n, name) for n in [gold_name, *aliases.get(gold_name, [])])

    def pair_like(g: tuple[str, str], x: tuple[str, str]) -> bool:
        return (person_like(g[0], x[0]) and person_like(g[1], x[1])) or (
            person_like(g[0], x[1]) and person_like(g[1], x[0])
        )

    match(want["people"], got["people"], person_like, totals["people"])
    match(want["organizations"], got["organizations"], same_org, totals["organizations"])
    match(want["figures"], got["figures"], same_value, totals["figures"])
    match(want["events"], got["events"], lambda g, x: same_event(g[0], x[0]), totals["events"])
    match(
        [e for e in want["events"] if e[1]],
        [e for e in got["events"] if e[1]],
        lambda g, x: same_event(g[0], x[0]) and dated_alike(g[1], x[1], x[2]),
        totals["event_dates"],
    )
    match(want["roles"], got["roles"], lambda g, x: person_like(g[0], x[0]) and g[1] == x[1], totals["roles"])
    match(
        want["affiliations"],
        got["affiliations"],
        lambda g, x: person_like(g[0], x[0]) and same_org(g[1], x[1]),
        totals["affiliations"],
    )
    match(want["co_participants"], got["co_participants"], pair_like, totals["co_participants"])


def read_gold(path: Path) -> dict[str, Any]:
    """One gold file, checked for the keys the scorer needs."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot read the gold file ({err}).") from err
    except json.JSONDecodeError as err:
        raise GoldError(f"{path}:{err.lineno}: not valid JSON ({err.msg}). Fix the file and run again.") from err
    if not isinstance(gold, dict) or not isinstance(gold.get("article"), str):
        raise GoldError(f'{path}: a gold file needs an "article" key naming the article file it annotates.')
    return gold


def evaluate(db: Path, gold_dir: Path) -> tuple[dict[str, Tally], list[str]]:
    """Per-category tallies over every gold file in `gold_dir`, and the gold articles not in the database."""
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (*.json) found. Point --gold at a folder of annotations.")
    if not db.is_file():
        raise GoldError(f"{db}: no database there. Build it first: python -m etl build --db {db}")
    totals = {c: Tally() for c in CATEGORIES}
    missing = []
    con = duckdb.connect(str(db), read_only=True)
    try:
        ids = dict(con.execute("SELECT file_name, article_id FROM articles").fetchall())
        for path in files:
            gold = read_gold(path)
            article_id = ids.get(Path(gold["article"]).name)
            if article_id is None:
                missing.append(gold["article"])
                got: dict[str, Any] = {c: [] for c in CATEGORIES}
            else:
                got = extracted(con, article_id)
            score_article(expected(gold), got, totals)
    finally:
        con.close()
    return totals, missing


def report(totals: dict[str, Tally], missing: list[str], show_errors: bool = False) -> str:
    """The score table as text, optionally with each category's misses and extras."""
    lines = [f"{'category':<16} {'gold':>5} {'found':>6} {'hits':>5} {'prec':>6} {'recall':>6} {'F1':>6}"]
    for cat, t in totals.items():
        lines.append(
            f"{cat:<16} {t.gold:>5} {t.found:>6} {t.hits:>5} {t.precision:>6.2f} {t.recall:>6.2f} {t.f1:>6.2f}"
        )
    if missing:
        lines.append("gold articles not in the database: " + ", ".join(missing))
    if show_errors:
        for cat, t in totals.items():
            lines += [f"\n{cat}: missed"] + [f"  - {m}" for m in t.misses]
            lines += [f"{cat}: not in gold"] + [f"  + {x}" for x in t.extras]
    return "\n".join(lines)
