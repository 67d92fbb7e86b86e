"""Apply the analysts' curation entries to the built tables, in file order, deterministically."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

import pandas as pd
from rapidfuzz import fuzz, process

from etl.curation_checks import COPY_TEXT, refuse_parent_cycles
from etl.curation_file import CurationError, Entry, parse_day
from etl.resolve import fold, person_key, stable_id

Tables = dict[str, pd.DataFrame]


@dataclass
class CurationReport:
    """What the curation did: applied entries and stale ones (they match nothing any more)."""

    applied: list[tuple[int, str]] = field(default_factory=list)
    stale: list[tuple[int, str]] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        """The report as rows (line, status, message) for the `curation_log` table."""
        rows = [(line, "applied", msg) for line, msg in self.applied] + [
            (line, "stale", msg) for line, msg in self.stale
        ]
        return pd.DataFrame(sorted(rows), columns=["line", "status", "message"])


class _Stale(Exception):
    """The entry names a record that no longer exists and nothing resembles it."""


_TABLE = {"person": "people", "organization": "organizations", "event": "events"}
_ID = {"person": "person_id", "organization": "org_id", "event": "event_id"}


def apply_curation(tables: Tables, entries: list[Entry], path: Path) -> tuple[Tables, CurationReport]:
    """Apply every entry (a copy of the tables is edited); stale entries are reported, broken ones raise."""
    out = {name: frame.copy() for name, frame in tables.items()}
    report = CurationReport()
    for entry in entries:
        try:
            message = _APPLY[entry.action](out, entry, path)
        except _Stale as stale:
            report.stale.append((entry.line, str(stale)))
            continue
        report.applied.append((entry.line, message))
    refuse_parent_cycles(out, entries, path)
    return out, report


# ------------------------------------------------------------------ finding records by name


def find_id(
    tables: Tables, kind: str, name: str, entry: Entry, path: Path, key: str = "name", near_is_typo: bool = True
) -> str:
    """The id of the person/organisation/event called `name` (canonical name, alias or id).

    A name that matches nothing is stale when nothing resembles it, and an error (with the likely
    intended name) when something close exists: that is a typo, not a changed article. Adding a person
    passes near_is_typo=False: a new name close to an existing one is the legitimate case there.
    """
    frame = tables[_TABLE[kind]]
    wanted = fold(str(name))
    for row in frame.itertuples(index=False):
        row_id, row_name = row[0], row[_name_col(kind)]
        aliases = getattr(row, "aliases", None) or []
        if str(name) == row_id or wanted == fold(row_name) or wanted in {fold(a) for a in aliases}:
            return str(row_id)
    names = list(frame["name"])
    close = process.extractOne(str(name), names, scorer=fuzz.WRatio) if names and near_is_typo else None
    if close and close[1] >= 85:
        raise CurationError(
            path,
            entry.lines.get(key, entry.line),
            f"no {kind} named '{name}'",
            f"Did you mean '{close[0]}'? Write the name as the Data page shows it",
        )
    raise _Stale(f"no {kind} named '{name}' any more (the article may have changed); remove or update the entry")


def _name_col(kind: str) -> int:
    return 2 if kind == "event" else 1


def _article_id(tables: Tables, file_name: str, entry: Entry, path: Path) -> str:
    match = tables["articles"][tables["articles"]["file_name"] == str(file_name)]
    if match.empty:
        raise _Stale(f"no article file '{file_name}' any more; remove or update the entry")
    return str(match["article_id"].iloc[0])


def _org_or_none(tables: Tables, name: Any, entry: Entry, path: Path) -> str | None:
    return None if name in (None, "") else find_id(tables, "organization", name, entry, path, "organization")


# ------------------------------------------------------------------ actions


def _merge(t: Tables, e: Entry, path: Path) -> str:
    kind = "person" if e.target == "people" else "organization"
    ids = [find_id(t, kind, n, e, path, "names") for n in e.fields["names"]]
    keep, others = ids[0], [i for i in dict.fromkeys(ids[1:]) if i != ids[0]]
    table, id_col = _TABLE[kind], _ID[kind]
    frame = t[table]
    gone = frame[frame[id_col].isin(others)]
    aliases: set[str] = set(cast(list[str], frame.loc[frame[id_col] == keep, "aliases"].iloc[0]) or [])
    for row in gone.itertuples(index=False):
        aliases |= {str(row.name), *cast(list[str], row.aliases if row.aliases is not None else [])}
    keep_at = frame.index[frame[id_col] == keep][0]
    kept_name = str(e.fields["names"][0])  # the analyst's first name is the canonical one
    aliases.add(str(frame.at[keep_at, "name"]))
    frame.at[keep_at, "name"] = kept_name
    _set(frame, keep_at, "aliases", sorted(aliases - {kept_name}))
    t[table] = frame[~frame[id_col].isin(others)].reset_index(drop=True)
    _replace_ids(t, kind, others, keep)
    return f"merged {len(others)} {e.target} into '{kept_name}'"


def _replace_ids(t: Tables, kind: str, old: list[str], new: str) -> None:
    """Point every reference to `old` ids at `new`, and drop the duplicate rows that makes."""
    mentions = t["mentions"]
    mask = (mentions["kind"] == kind) & mentions["entity_id"].isin(old)
    mentions.loc[mask, "entity_id"] = new
    columns = {
        "person": [("participations", "person_id"), ("affiliations", "person_id"), ("figures", "person_id")],
        "organization": [("participations", "org_id"), ("affiliations", "org_id")],
    }[kind]
    for table, column in columns:
        t[table].loc[t[table][column].isin(old), column] = new
    t["participations"] = t["participations"].drop_duplicates(["event_id", "person_id", "role"]).reset_index(drop=True)
    t["affiliations"] = t["affiliations"].drop_duplicates(["person_id", "org_id", "article_id"]).reset_index(drop=True)


def _separate(t: Tables, e: Entry, path: Path) -> str:
    kind = "person" if e.target == "people" else "organization"
    for n in e.fields["names"]:
        find_id(t, kind, n, e, path, "names")
    return f"kept apart: {', '.join(map(str, e.fields['names']))}"


def _split(t: Tables, e: Entry, path: Path) -> str:
    old = find_id(t, "person", e.fields["name"], e, path)
    aid = _article_id(t, e.fields["article"], e, path)
    new_name = str(e.fields["as"])
    new = stable_id("P", person_key(new_name) + ":" + aid)
    country = t["people"].set_index("person_id").at[old, "country"]
    t["people"] = pd.concat(
        [t["people"], pd.DataFrame([(new, new_name, [], country)], columns=t["people"].columns)], ignore_index=True
    )
    m = t["mentions"]
    m.loc[(m["article_id"] == aid) & (m["kind"] == "person") & (m["entity_id"] == old), "entity_id"] = new
    for table in ("affiliations", "figures"):
        frame = t[table]
        frame.loc[(frame["article_id"] == aid) & (frame["person_id"] == old), "person_id"] = new
    events = set(t["event_articles"].loc[t["event_articles"]["article_id"] == aid, "event_id"])
    p = t["participations"]
    p.loc[p["event_id"].isin(events) & (p["person_id"] == old), "person_id"] = new
    return f"split '{e.fields['name']}' in {e.fields['article']} off as '{new_name}'"


def _correct(t: Tables, e: Entry, path: Path) -> str:
    f = e.fields
    if e.target == "participation":
        pid = find_id(t, "person", f["person"], e, path, "person")
        eid = find_id(t, "event", f["event"], e, path, "event")
        p = t["participations"]
        mask = (p["person_id"] == pid) & (p["event_id"] == eid)
        if not mask.any():
            raise _Stale(f"'{f['person']}' has no participation in '{f['event']}' any more")
        p.loc[mask, "role"] = f["role"]
        t["participations"] = p.drop_duplicates(["event_id", "person_id", "role"]).reset_index(drop=True)
        return f"role of '{f['person']}' in '{f['event']}' set to {f['role']}"
    kind = e.target
    rid = find_id(t, kind, f["name"], e, path)
    frame, id_col = t[_TABLE[kind]], _ID[kind]
    at = frame.index[frame[id_col] == rid][0]
    if kind == "person":
        _correct_person(t, rid, f, e, path)
    if kind == "organization" and "kind" in f:
        frame.at[at, "kind"] = f["kind"]
    if kind == "event":
        _correct_event(t, at, f, e, path)
    if "country" in f and kind != "event":
        frame.at[at, "country"] = f["country"]
    if "rename" in f:
        old = frame.at[at, "name"]
        frame.at[at, "name"] = str(f["rename"])
        if kind != "event":
            _set(frame, at, "aliases", sorted(set(cast(list[str], frame.at[at, "aliases"]) or []) | {str(old)}))
    changed = sorted(set(f) - {"name", "article"})
    return f"corrected {kind} '{f['name']}': {', '.join(changed)}"


def _correct_person(t: Tables, pid: str, f: dict[str, Any], e: Entry, path: Path) -> None:
    affs, parts = t["affiliations"], t["participations"]
    in_article = affs["person_id"] == pid
    in_events = parts["person_id"] == pid
    if "article" in f:  # the article's statement only: its affiliation row and the events it reports
        article_id = _article_id(t, f["article"], e, path)
        in_article &= affs["article_id"] == article_id
        reported = t["event_articles"].loc[t["event_articles"]["article_id"] == article_id, "event_id"]
        in_events &= parts["event_id"].isin(set(reported))
    if "organization" in f:
        org = _org_or_none(t, f["organization"], e, path)
        if org is not None and not in_article.any():
            aid = _article_id(t, f["article"], e, path) if "article" in f else _first_article(t, pid)
            row = (pid, org, aid, f.get("title"), f"Set by curation ({path.name}, line {e.line})", "curation")
            t["affiliations"] = pd.concat([affs, pd.DataFrame([row], columns=affs.columns)], ignore_index=True)
            affs = t["affiliations"]
            in_article = affs["person_id"] == pid
        affs.loc[in_article, "org_id"] = org
        parts.loc[in_events, "org_id"] = org
    if "title" in f:
        affs.loc[in_article, "title"] = f["title"]
        parts.loc[in_events, "title"] = f["title"]


def _first_article(t: Tables, pid: str) -> str | None:
    m = t["mentions"]
    found = m.loc[(m["kind"] == "person") & (m["entity_id"] == pid), "article_id"]
    return str(found.iloc[0]) if len(found) else None


def _correct_event(t: Tables, at: Any, f: dict[str, Any], e: Entry, path: Path) -> None:
    events = t["events"]
    for column in ("start_date", "end_date", "parent_id", "date_precision"):
        events[column] = events[column].astype(object)  # dates and None, whatever the frame was built from
    if "start" in f:
        start, precision = _date(f["start"])
        events.at[at, "start_date"], events.at[at, "date_precision"] = start, precision
        if "end" not in f:
            events.at[at, "end_date"] = None
    if "end" in f:
        events.at[at, "end_date"] = _date(f["end"])[0]
    for key in ("type", "venue", "city"):
        if key in f:
            events.at[at, key] = f[key]
    if "parent" in f:
        events.at[at, "parent_id"] = (
            None if f["parent"] in (None, "") else find_id(t, "event", f["parent"], e, path, "parent")
        )


def _date(text: str | None) -> tuple[date | None, str | None]:
    """A date entry's (date, precision); read_curation already refused any that is not a real date."""
    return (None, None) if text is None else parse_day(str(text))


def _drop(t: Tables, e: Entry, path: Path) -> str:
    f = e.fields
    if e.target == "figure":
        aid = _article_id(t, f["article"], e, path)
        figs = t["figures"]
        mask = (figs["article_id"] == aid) & (figs["text"] == str(f["text"]))
        if not mask.any():
            raise _Stale(f"no figure '{f['text']}' in {f['article']} any more")
        t["figures"] = figs[~mask].reset_index(drop=True)
        return f"dropped figure '{f['text']}' in {f['article']}"
    if e.target == "participation":
        pid = find_id(t, "person", f["person"], e, path, "person")
        eid = find_id(t, "event", f["event"], e, path, "event")
        p = t["participations"]
        t["participations"] = p[~((p["person_id"] == pid) & (p["event_id"] == eid))].reset_index(drop=True)
        return f"dropped participation of '{f['person']}' in '{f['event']}'"
    kind = e.target
    rid = find_id(t, kind, f["name"], e, path)
    t[_TABLE[kind]] = t[_TABLE[kind]][t[_TABLE[kind]][_ID[kind]] != rid].reset_index(drop=True)
    if kind in ("person", "organization"):
        t["mentions"] = t["mentions"][~((t["mentions"]["kind"] == kind) & (t["mentions"]["entity_id"] == rid))]
    if kind == "person":
        for table in ("participations", "affiliations"):
            t[table] = t[table][t[table]["person_id"] != rid].reset_index(drop=True)
        t["figures"].loc[t["figures"]["person_id"] == rid, "person_id"] = None
    elif kind == "organization":
        t["affiliations"] = t["affiliations"][t["affiliations"]["org_id"] != rid].reset_index(drop=True)
        t["participations"].loc[t["participations"]["org_id"] == rid, "org_id"] = None
    else:
        for table in ("participations", "event_articles"):
            t[table] = t[table][t[table]["event_id"] != rid].reset_index(drop=True)
        t["events"].loc[t["events"]["parent_id"] == rid, "parent_id"] = None
        t["figures"].loc[t["figures"]["event_id"] == rid, "event_id"] = None
    return f"dropped {kind} '{f['name']}'"


def _add(t: Tables, e: Entry, path: Path) -> str:
    f = e.fields
    evidence = f"Added by curation ({path.name}, line {e.line}): {f['note']}"
    if e.target == "person":
        try:
            pid = find_id(t, "person", f["name"], e, path, near_is_typo=False)
        except _Stale:
            pid = stable_id("P", person_key(str(f["name"])))
            _append(t, "people", (pid, str(f["name"]), [], f.get("country")))
        org = _org_or_none(t, f.get("organization"), e, path)
        aid = _article_id(t, f["article"], e, path) if "article" in f else None
        if org or f.get("title"):
            _append(t, "affiliations", (pid, org, aid, f.get("title"), evidence, "curation"))
        return f"added person '{f['name']}'"
    if e.target == "participation":
        pid = find_id(t, "person", f["person"], e, path, "person")
        eid = find_id(t, "event", f["event"], e, path, "event")
        affs = t["affiliations"][t["affiliations"]["person_id"] == pid]
        org = affs["org_id"].iloc[0] if len(affs) else None
        _append(t, "participations", (eid, pid, f["role"], f.get("title"), org, evidence, "curation"))
        return f"added '{f['person']}' as {f['role']} of '{f['event']}'"
    aid = _article_id(t, f["article"], e, path)
    if e.target == "event":
        start, precision = _date(f.get("start"))
        parent = find_id(t, "event", f["parent"], e, path, "parent") if f.get("parent") else None
        eid = stable_id("E", fold(str(f["name"])))
        row = (
            eid,
            aid,
            str(f["name"]),
            f["type"],
            start,
            _date(f.get("end"))[0],
            precision,
            parent,
            f.get("venue"),
            f.get("city"),
            evidence,
            "curation",
        )
        _append(t, "events", row)
        _append(t, "event_articles", (eid, aid))
        return f"added event '{f['name']}'"
    event = find_id(t, "event", f["event"], e, path, "event") if f.get("event") else None
    speaker = find_id(t, "person", f["person"], e, path, "person") if f.get("person") else None
    fid = stable_id("F", f"curation:{aid}:{f['text']}:{f['value']}")
    body = str(t["articles"].loc[t["articles"]["article_id"] == aid, "body"].iloc[0])
    at = body.find(str(f["text"]))  # check_against_articles made sure the article has these words
    if at < 0:
        raise CurationError(path, e.lines.get("text", e.line), f"'{f['text']}' is not in {f['article']}", COPY_TEXT)
    figure = (
        fid,
        aid,
        event,
        speaker,
        float(f["value"]),
        f["unit"],
        f.get("subject"),
        str(f["text"]),
        bool(f.get("approx", False)),
        evidence,
        at,
        at + len(str(f["text"])),
    )
    _append(t, "figures", figure)
    return f"added figure '{f['text']}'"


def _set(frame: pd.DataFrame, at: Any, column: str, value: Any) -> None:
    """Set one cell (a list for aliases: pandas' stubs do not know cells may hold lists)."""
    frame.at[at, column] = value


def _append(t: Tables, table: str, row: tuple) -> None:
    t[table] = pd.concat([t[table], pd.DataFrame([row], columns=t[table].columns)], ignore_index=True)


_APPLY = {"merge": _merge, "separate": _separate, "split": _split, "correct": _correct, "drop": _drop, "add": _add}
