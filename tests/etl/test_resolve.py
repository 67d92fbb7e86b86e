"""Cross-article resolution on literal records: one id per body, and which spelling names it."""

from pathlib import Path

import pytest

from etl.reader import parse_article
from etl.records import Extraction, Mention, OrgRec
from etl.resolve import fold, resolve


def _article_with_orgs(file_name: str, orgs: list[OrgRec], mentions: dict[str, int]) -> Extraction:
    ex = Extraction(parse_article(Path(file_name), f"Text of {file_name}."))
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
