"""Names a story spells out before their acronym (etl/extraction/acronyms.py)."""

import pytest

from etl.extraction.acronyms import defined_names


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        (
            "Officials of Norland’s National Council for Culture, Arts, and Letters (NCCAL) were there.",
            "National Council for Culture, Arts, and Letters",
            "NCCAL",
        ),
        (
            "The United Nations Educational, Scientific and Cultural Organization (UNESCO) met.",
            "United Nations Educational, Scientific and Cultural Organization",
            "UNESCO",
        ),
        ("A grant from the Harbour Arts Trust (HAT) helped.", "Harbour Arts Trust", "HAT"),
    ],
)
def test_the_initials_spell_the_acronym(nlp, text, name, acronym):
    doc = nlp(text)
    assert [(doc[s:e].text, a) for s, e, a in defined_names(doc, [])] == [(name, acronym)]


@pytest.mark.slow
def test_initials_that_do_not_spell_it_define_nothing(nlp):
    assert defined_names(nlp("He thanked the Selby Film Club (SFF) for its help."), []) == []


@pytest.mark.slow
def test_the_acronym_with_a_title_ties_the_person_to_the_body(extract):
    text = (
        "Officials of the National Council for Culture, Arts, and Letters (NCCAL) met.\n\n"
        "The minister was accompanied by NCCAL Secretary General Kamel Haddad."
    )
    ex = extract(text)
    person = next(p for p in ex.people.values() if p.name == "Kamel Haddad")
    assert ex.orgs[person.org_local_id].name == "National Council for Culture, Arts, and Letters"
