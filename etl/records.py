"""Typed records passed between the ETL steps: read -> extract -> resolve -> load."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One article file as read from disk, before any extraction."""

    article_id: str
    file_name: str
    title: str
    published: date | None
    source: str | None
    url: str | None
    body: str
    content_hash: str
    author: str | None = None  # the byline, where the format gives one (web pages, PDF and Word properties)


@dataclass
class Mention:
    """A span of the article body naming a person or organisation."""

    kind: str  # 'person' or 'organization'
    text: str
    start_char: int
    end_char: int
    local_id: str  # entity key inside the article, before cross-article resolution


@dataclass
class PersonRec:
    """A person as one article presents them."""

    local_id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    title: str | None = None
    org_local_id: str | None = None
    country: str | None = None
    evidence: str | None = None
    affiliation_rule: str = ""  # the rule that tied the person to the organisation, shown to analysts


@dataclass
class OrgRec:
    """An organisation as one article names it."""

    local_id: str
    name: str
    aliases: set[str] = field(default_factory=set)
    kind: str = "other"
    country: str | None = None


@dataclass
class EventRec:
    """An event an article reports, with dates resolved as far as the text allows."""

    local_id: str
    name: str
    type: str
    start_date: date | None = None
    end_date: date | None = None
    date_precision: str | None = None
    parent_local_id: str | None = None
    venue: str | None = None
    city: str | None = None
    evidence: str | None = None
    start_char: int = 0
    parties: tuple[str, ...] = ()  # a two-sided meeting, visit or signing: the sides it is named after
    rule: str = ""  # the rule that found the event, shown to analysts


@dataclass
class ParticipationRec:
    """A person taking part in an event in a given role."""

    event_local_id: str
    person_local_id: str
    role: str
    evidence: str
    rule: str = ""  # the rule that found the participation, shown to analysts


@dataclass
class FigureRec:
    """One reported quantity."""

    value: float
    unit: str
    subject: str | None
    text: str
    approx: bool
    evidence: str
    start_char: int
    end_char: int
    event_local_id: str | None = None
    person_local_id: str | None = None


@dataclass
class Extraction:
    """Everything extracted from one article, with article-local ids."""

    article: Article
    people: dict[str, PersonRec] = field(default_factory=dict)
    orgs: dict[str, OrgRec] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    events: dict[str, EventRec] = field(default_factory=dict)
    participations: list[ParticipationRec] = field(default_factory=list)
    figures: list[FigureRec] = field(default_factory=list)
