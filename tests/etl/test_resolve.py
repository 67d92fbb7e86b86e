"""Cross-article resolution on literal records: one id per body, and which spelling names it."""

from pathlib import Path

import pytest

from etl.reader import parse_article
from etl.records import Extraction, Mention, OrgRec
from etl.resolve import fold, resolve


def _article_with_orgs(
    file_name: str, orgs: list[OrgRec], mentions: dict[str, int], body: str | None = None
) -> Extraction:
    ex = Extraction(parse_article(Path(file_name), body or f"Text of {file_name}."))
    for org in orgs:
        ex.orgs[org.local_id] = org
        ex.mentions += [Mention("organization", org.name, 0, 1, org.local_id)] * mentions.get(org.local_id, 1)
    return ex


def test_spelled_out_name_beats_an_often_used_acronym():
    headline_only = _article_with_orgs("a.txt", [OrgRec("o:fae", "FAE")], {"o:fae": 5})
    defined = _article_with_orgs("b.txt", [OrgRec("o:full", "Film Agency of Estonia", aliases={"FAE"})], {"o:full": 2})
    resolved = resolve([headline_only, defined])
    assert [(e.name, sorted(e.aliases)) for e in resolved.orgs.values()] == [("Film Agency of Estonia", ["FAE"])]


def test_most_used_spelling_names_the_body():
    first = _article_with_orgs("a.txt", [OrgRec("o:1", "Culture Ministry")], {"o:1": 1})
    second = _article_with_orgs("b.txt", [OrgRec("o:2", "Ministry of Culture")], {"o:2": 3})
    (org,) = resolve([first, second]).orgs.values()
    assert org.name == "Ministry of Culture"
    assert org.aliases == {"Culture Ministry"}


def _bodies(resolved) -> list[tuple[str, str | None]]:
    return sorted((org.name, org.country) for org in resolved.orgs.values())


def test_the_same_kind_of_body_in_two_countries_stays_two_bodies():
    syrian = _article_with_orgs("a.txt", [OrgRec("o:1", "Syrian Ministry of Culture")], {})
    peruvian = _article_with_orgs("b.txt", [OrgRec("o:2", "Ministry of Culture of Peru")], {})
    latvian = _article_with_orgs("c.txt", [OrgRec("o:3", "Latvian National Art Museum")], {})
    estonian = _article_with_orgs("d.txt", [OrgRec("o:4", "Estonian National Art Museum")], {})
    assert _bodies(resolve([syrian, peruvian, latvian, estonian])) == [
        ("Estonian National Art Museum", "Estonia"),
        ("Latvian National Art Museum", "Latvia"),
        ("Ministry of Culture of Peru", "Peru"),
        ("Syrian Ministry of Culture", "Syria"),
    ]


@pytest.mark.parametrize(
    ("body", "joins"),
    [
        ("The Culture Ministry met artists.", True),  # no country named: the corpus's only such body
        ("The Culture Ministry met Syrian artists in Damascus.", True),  # the article names that country
        ("The Culture Ministry met artists in Azerbaijan.", False),  # another country: not Syria's ministry
    ],
)
def test_a_body_named_without_its_country_joins_the_only_one_the_article_allows(body, joins):
    stated = _article_with_orgs("a.txt", [OrgRec("o:1", "Syrian Ministry of Culture")], {})
    bare = _article_with_orgs("b.txt", [OrgRec("o:2", "Culture Ministry")], {}, body=body)
    bodies = _bodies(resolve([stated, bare]))
    assert bodies == (
        [("Syrian Ministry of Culture", "Syria")]
        if joins
        else [("Culture Ministry", None), ("Syrian Ministry of Culture", "Syria")]
    )


def test_a_body_named_without_its_country_in_a_corpus_of_two_countries_stays_apart_unless_its_article_says():
    syrian = _article_with_orgs("a.txt", [OrgRec("o:1", "Syrian Ministry of Culture")], {})
    peruvian = _article_with_orgs("b.txt", [OrgRec("o:2", "Ministry of Culture of Peru")], {})
    same_article = _article_with_orgs(
        "c.txt", [OrgRec("o:3", "Ministry of Culture of Peru"), OrgRec("o:4", "Culture Ministry")], {}
    )
    bare = _article_with_orgs("d.txt", [OrgRec("o:5", "Culture Ministry")], {})
    resolved = resolve([syrian, peruvian, same_article, bare])
    peru = next(o for o in resolved.orgs.values() if o.country == "Peru")
    assert "Culture Ministry" in peru.aliases  # 'the Culture Ministry' of an article that names Peru's
    assert ("Culture Ministry", None) in _bodies(resolved)  # which of the two is not said: neither


def _article_with_person(file_name: str, person: str, org: str | None) -> Extraction:
    from etl.records import PersonRec

    ex = _article_with_orgs(file_name, [OrgRec(f"o:{org}", org)] if org else [], {})
    ex.people[f"p:{person}"] = PersonRec(f"p:{person}", person, org_local_id=f"o:{org}" if org else None)
    return ex


def test_same_name_at_different_bodies_stays_two_people():
    resolved = resolve(
        [
            _article_with_person("a.txt", "Lena Sild", "Tartu Art Museum"),
            _article_with_person("b.txt", "Lena Sild", "Film School"),
        ]
    )
    assert len(resolved.people) == 2


def test_same_name_with_the_same_or_no_body_is_one_person():
    resolved = resolve(
        [
            _article_with_person("a.txt", "Lena Sild", "Tartu Art Museum"),
            _article_with_person("b.txt", "Lena Sild", "Tartu Art Museum"),
            _article_with_person("c.txt", "Lena Sild", None),
        ]
    )
    assert len(resolved.people) == 1


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Baghırli", "baghirli"),
        ("İlham Əliyev", "ilham əliyev"),  # 'ə' is a letter of its own, not a letter with a mark
        ("Gülay Demir Şahin", "gulay demir sahin"),
        ("Straße", "strasse"),
        ("Oscar K. Osei", "oscar k. osei"),
        ("", ""),
    ],
)
def test_fold_drops_case_and_diacritics(text, folded):
    assert fold(text) == folded
    assert fold(text) == folded  # the second call comes from the cache: the same answer


def _article_with_event(file_name: str, name: str, start: str | None) -> Extraction:
    from datetime import date

    from etl.records import EventRec

    ex = _article_with_orgs(file_name, [], {})
    ex.events["e1"] = EventRec("e1", name, "festival", start_date=date.fromisoformat(start) if start else None)
    return ex


def _events(resolved) -> list[tuple[str, str | None, int]]:
    articles: dict[str, int] = {}
    for gid, _ in resolved.event_articles:
        articles[gid] = articles.get(gid, 0) + 1
    rows = [
        (ev.name, ev.start_date.isoformat() if ev.start_date else None, articles[gid])
        for gid, ev in resolved.events.items()
    ]
    return sorted(rows, key=lambda row: (row[0], row[1] or "~"))


def test_the_same_named_event_in_two_stories_is_one_event_dated_by_either():
    resolved = resolve(
        [
            _article_with_event("a.txt", "Harbour Jazz Festival", None),
            _article_with_event("b.txt", "Harbour Jazz Festival", "2024-06-10"),
        ]
    )
    assert _events(resolved) == [("Harbour Jazz Festival", "2024-06-10", 2)]


def test_a_named_event_in_two_years_is_two_editions_and_an_undated_mention_stays_apart():
    resolved = resolve(
        [
            _article_with_event("a.txt", "Harbour Jazz Festival", "2016-06-10"),
            _article_with_event("b.txt", "Harbour Jazz Festival", "2017-06-09"),
            _article_with_event("c.txt", "Harbour Jazz Festival", None),  # which edition is not said
        ]
    )
    assert _events(resolved) == [
        ("Harbour Jazz Festival", "2016-06-10", 1),
        ("Harbour Jazz Festival", "2017-06-09", 1),
        ("Harbour Jazz Festival", None, 1),
    ]


@pytest.mark.parametrize("name", ["Opening ceremony", "Special concert", "Forum"])
def test_a_generic_event_name_in_two_stories_is_two_events(name):
    resolved = resolve([_article_with_event("a.txt", name, None), _article_with_event("b.txt", name, None)])
    assert _events(resolved) == [(name, None, 1), (name, None, 1)]
