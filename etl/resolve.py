"""Resolve people, organisations and events across articles into stable ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from etl.extraction.events import norm_name
from etl.extraction.lexicon import COUNTRIES, countries_named
from etl.records import EventRec, Extraction


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower case without diacritics ('Baghırli' -> 'baghirli')."""
    # Names recur across thousands of articles and every step folds them: each spelling is folded once, and
    # plain ASCII (most names) skips the per-character Unicode walk, which has nothing to strip there.
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def stable_id(prefix: str, key: str) -> str:
    """A short id derived from a key, stable across builds."""
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def person_key(name: str) -> str:
    """Key under which two spellings of a name are one person."""
    return " ".join(re.sub(r"[^\w\s-]", " ", fold(name)).split())


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> tuple[str, str | None]:
    """(key, country) for an organisation: 'Latvia Culture Ministry' -> ('ministry of culture', 'Latvia')."""
    text = re.sub(r"[^\w&\s]", " ", fold(name)).split()
    country = None
    if text and text[0] == "the":
        text = text[1:]
    joined = " ".join(text)
    m = re.search(r"\s+of (the )?(republic of )?(\w+)$", joined)
    if m and m[3].capitalize() in COUNTRIES and "ministry" in joined:
        country = COUNTRIES[m[3].capitalize()]
        joined = joined[: m.start()]
    words = joined.split()
    if words and words[0].capitalize() in COUNTRIES and len(words) > 2:
        country = COUNTRIES[words[0].capitalize()]
        words = words[1:]
    if len(words) >= 2 and words[-1] == "ministry" and "of" not in words:
        words = ["ministry", "of", *words[:-1]]  # "Culture Ministry" is the "Ministry of Culture"
    return " ".join(words), country


@dataclass
class Entity:
    """A resolved person or organisation."""

    entity_id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    kind: str | None = None
    country: str | None = None


@dataclass
class Resolved:
    """Global entities and, per article, the map from local ids to global ids."""

    people: dict[str, Entity] = field(default_factory=dict)
    orgs: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, EventRec] = field(default_factory=dict)
    event_articles: set[tuple[str, str]] = field(default_factory=set)
    event_first_article: dict[str, str] = field(default_factory=dict)
    local: dict[tuple[str, str], str] = field(default_factory=dict)  # (article_id, local id) -> global id


def _canonical(spellings: Counter[str]) -> str:
    """The spelling the articles use most often (the fuller one on a tie) is the canonical name.

    A spelled-out name beats a bare acronym however often the acronym is used: the acronym is an alias.
    """
    return max(spellings, key=lambda name: (not _is_acronym(name), spellings[name], len(name), name))


def _is_acronym(name: str) -> bool:
    return " " not in name and name.isupper()


def _countries_by_org_key(extractions: list[Extraction]) -> dict[str, set[str]]:
    """For each organisation key, the countries the corpus states for it ('ministry of culture' -> {Syria, Peru})."""
    known: dict[str, set[str]] = {}
    for ex in extractions:
        for org in ex.orgs.values():
            key, country = org_key(org.name)
            if country := org.country or country:
                known.setdefault(key, set()).add(country)
    return known


def _org_identity(key: str, country: str | None, known: set[str], in_article: dict[str, str], body: str) -> str:
    """The key two mentions of one body share: the country is part of it ('national art museum|Latvia').

    A body named without its country ('the Culture Ministry') is the one this article names with a country,
    else the corpus's only body of that name when the article names that country or no country at all;
    otherwise it stays a body of unknown country rather than joining another country's.
    """
    if country:
        return f"{key}|{country}"
    if key in in_article:
        return f"{key}|{in_article[key]}"
    if len(known) == 1:
        (only,) = known
        named = countries_named(body)
        if not named or only in named:
            return f"{key}|{only}"
    return key


def _event_years(extractions: list[Extraction]) -> dict[str, set[int]]:
    """For each event name, the years the corpus dates it in (an annual festival: one name, many editions)."""
    years: dict[str, set[int]] = {}
    for ex in extractions:
        for ev in ex.events.values():
            if ev.start_date is not None:
                years.setdefault(norm_name(ev.name), set()).add(ev.start_date.year)
    return years


def _is_generic(name: str) -> bool:
    """'Opening ceremony', 'Special concert': no word after the first is capitalised or a number, so the name
    says which kind of event, not which one."""
    return not any(w[:1].isupper() or w[:1].isdigit() for w in name.split()[1:])


def event_key(event: EventRec, years: set[int], article_id: str) -> str:
    """The key two articles' events share when they are one event: the same name and the same year.

    A generic name ('the opening ceremony') is one article's event: two stories' opening ceremonies are two. A
    named event dated in different years is one edition per year ('Jazz Festival' 2016 and 2017); an undated
    mention joins the edition of the only year the corpus dates that name in, else stays undated on its own.
    """
    key = norm_name(event.name)
    if _is_generic(event.name):
        return f"{key}|{article_id}"
    if event.start_date is not None:
        return f"{key}|{event.start_date.year}"
    return f"{key}|{next(iter(years))}" if len(years) == 1 else key


def resolve(extractions: list[Extraction]) -> Resolved:
    """Give every person, organisation and event one id across all articles."""
    out = Resolved()
    org_index: dict[str, str] = {}
    spellings: dict[str, Counter[str]] = {}
    person_orgs: dict[str, str] = {}  # person id -> the first body an article ties them to
    countries_by_key = _countries_by_org_key(extractions)
    years_by_name = _event_years(extractions)
    for ex in extractions:
        aid = ex.article.article_id
        mentioned = Counter(m.local_id for m in ex.mentions)
        keyed = {local_id: org_key(org.name) for local_id, org in ex.orgs.items()}
        in_article: dict[str, str] = {}  # this article's bodies named with their country
        for local_id, (key, country) in keyed.items():
            if stated := ex.orgs[local_id].country or country:
                in_article.setdefault(key, stated)
        for local_id, org in ex.orgs.items():
            name_key, country = keyed[local_id]
            country = org.country or country
            key = _org_identity(name_key, country, countries_by_key.get(name_key, set()), in_article, ex.article.body)
            country = country or (key.split("|", 1)[1] if "|" in key else None)
            alias_keys = [org_key(a)[0] for a in org.aliases]
            acronym_hit = next((org_index[a] for a in alias_keys if a in org_index), None)
            gid = org_index.get(key) or acronym_hit or stable_id("O", key)
            ent = out.orgs.setdefault(gid, Entity(gid, org.name, kind=org.kind, country=country))
            ent.aliases.add(org.name)
            spellings.setdefault(gid, Counter())[org.name] += max(1, mentioned[local_id])
            ent.aliases |= org.aliases
            ent.country = ent.country or country
            org_index[key] = gid
            for alias_key in alias_keys:
                org_index[alias_key] = gid
            out.local[(aid, local_id)] = gid
        for local_id, person in ex.people.items():
            key = person_key(person.name)
            gid = stable_id("P", key)
            body = out.local.get((aid, person.org_local_id)) if person.org_local_id else None
            first_body = person_orgs.get(gid)
            if body and first_body and first_body != body:
                # the same name at another body: a namesake until evidence (a curation merge) joins them
                gid = stable_id("P", f"{key}|{body}")
            if body and not person_orgs.get(gid):
                person_orgs[gid] = body
            ent = out.people.setdefault(gid, Entity(gid, person.name, country=person.country))
            ent.aliases |= person.aliases
            ent.country = ent.country or person.country
            out.local[(aid, local_id)] = gid
        for local_id, ev in ex.events.items():
            gid = stable_id("E", event_key(ev, years_by_name.get(norm_name(ev.name), set()), aid))
            out.local[(aid, local_id)] = gid
            out.event_articles.add((gid, aid))
            if gid not in out.events:
                out.events[gid] = ev
                out.event_first_article[gid] = aid
            else:
                known = out.events[gid]
                if known.start_date is None and ev.start_date is not None:
                    known.start_date, known.end_date, known.date_precision = (
                        ev.start_date,
                        ev.end_date,
                        ev.date_precision,
                    )
    for gid, names in spellings.items():
        out.orgs[gid].name = _canonical(names)
    for ent in (*out.people.values(), *out.orgs.values()):
        ent.aliases.discard(ent.name)
    return out
