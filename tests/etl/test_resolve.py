"""Cross-article resolution on literal records: one id per body, and which spelling names it."""

from pathlib import Path

from etl.reader import parse_article
from etl.records import Extraction, Mention, OrgRec
from etl.resolve import resolve


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
