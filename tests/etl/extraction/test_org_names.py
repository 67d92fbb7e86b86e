"""The kind and country an organisation's own name gives (etl/extraction/org_names.py, countries.yaml)."""

from __future__ import annotations

import pytest

from etl.extraction.lexicon import CITIES, COUNTRIES
from etl.extraction.org_names import clean_name, org_country, org_kind


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Film Producers Association of Latvia", "Latvia"),
        ("Kenyan Writers Guild", "Kenya"),
        ("Ghana's National Commission on Culture", "Ghana"),
        ("Peru’s Ministry of Culture", "Peru"),
        ("South Sudan Arts Council", "South Sudan"),  # the longer name, not 'Sudan'
        ("Sudan Film Factory", "Sudan"),
        ("Lagos Theatre Festival", "Nigeria"),  # a city places the body
        ("Niger Delta Arts Foundation", "Nigeria"),  # a region named after a country is not that country
        ("New York Philharmonic", "United States"),
        ("London Korean Cultural Centre", "South Korea"),  # a stated country wins over the city it sits in
        ("Guinea-Bissau Culture Ministry", "Guinea-Bissau"),
        ("Business Council", None),
        ("UNESCO", None),
        ("Chadwick Arts Trust", None),  # part of a word is no place
    ],
)
def test_org_country_from_its_own_name(name, country):
    assert org_country(name) == country


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ministry of Culture", "government"),
        ("National Philharmonic Orchestra", "performing group"),
        ("Nova TV channel", "media"),
        ("UNESCO", "international"),
    ],
)
def test_org_kind_from_its_head_noun(name, kind):
    assert org_kind(name) == kind


@pytest.mark.parametrize("word", ["Jordan", "Chad", "Thai", "Holland", "Trinidad"])
def test_words_that_are_also_given_names_or_surnames_are_not_country_words(word):
    # a country word is never part of a person's name: 'Michael Jordan', 'Chad Smith' must stay people
    assert word not in COUNTRIES


def test_every_city_belongs_to_a_listed_country():
    assert set(CITIES.values()) <= set(COUNTRIES.values())


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("and Azerbaijan’s National Assembly", "National Assembly"),
        ("Sultanate’s National Museum", "National Museum"),
        ("Children’s Art Museum", "Children’s Art Museum"),
        ("Culture and Heritage Fund", "Culture and Heritage Fund"),
    ],
)
def test_a_name_loses_a_list_connector_and_an_owner_it_was_read_with(raw, name):
    assert clean_name(raw) == name


@pytest.mark.slow
def test_the_owner_left_out_of_a_name_still_gives_its_country(extract):
    ex = extract(
        "She met the Chairman of the Selby Heritage Committee Ana Berg and Norway’s National Assembly "
        "Deputy Speaker Lev Orlov on Monday."
    )
    bodies = {o.name: o.country for o in ex.orgs.values()}
    assert bodies.get("National Assembly") == "Norway"
