"""The Data page: accepting a merge suggestion writes the curation file, and a rebuild merges the person."""

from __future__ import annotations

import re

import duckdb
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from culturedash import event_queries, network_queries
from culturedash.filters import Filters
from etl.pipeline import build
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

ARTICLES = {
    "lakeside.txt": "date 2024-05-02\nThe Lakeside Music Forum was held in Tartu on May 2, 2024.\n\n"
    'The panel "Music in Small Towns" was moderated by Anna Berzina, director of the Opera House, '
    "and featured Maris Ozols, head of the Film School.\n",
    "river.txt": "date 2024-06-10\nThe River Arts Forum was held in Riga on June 10, 2024.\n\n"
    'The panel "Audiences after the Pandemic" was moderated by A. Berzina and featured Peteris Kalns, '
    "director of the Arts Academy.\n",
}


@pytest.fixture
def review_setup(tmp_path, monkeypatch, nlp):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    database, curation = tmp_path / "culture.duckdb", tmp_path / "curation.yaml"
    build(corpus, database, nlp=nlp, curation=curation)
    for key, value in (("CULTURE_DB", database), ("CULTURE_SOURCE", corpus), ("CULTURE_CURATION", curation)):
        monkeypatch.setenv(key, str(value))
    return database, curation


def network_names(database):
    with duckdb.connect(str(database), read_only=True) as con:
        return sorted(network_queries.network_nodes(con, Filters(), "people")["name"])


def test_accepting_a_suggestion_merges_the_person_in_the_network_data(review_setup):
    database, curation = review_setup
    assert sorted(network_names(database)) == ["A. Berzina", "Anna Berzina"]
    with duckdb.connect(str(database), read_only=True) as con:
        keep_id, other_id = con.execute("SELECT keep_id, other_id FROM merge_suggestions").fetchone()
    at = _data_page()
    assert "Merge suggestions (1 open)" in [h.value for h in at.header]
    at.button(key=f"accept-{keep_id}-{other_id}").click().run()
    assert "- merge: people\n  names: [Anna Berzina, A. Berzina]" in curation.read_text(encoding="utf-8")
    at.button(key="rebuild").click().run()
    assert not at.exception
    assert network_names(database) == ["Anna Berzina"]  # one person, in both panels
    assert "Merge suggestions (0 open)" in [h.value for h in at.header]


def test_rejecting_keeps_them_apart_and_hides_the_suggestion(review_setup):
    database, curation = review_setup
    with duckdb.connect(str(database), read_only=True) as con:
        keep_id, other_id = con.execute("SELECT keep_id, other_id FROM merge_suggestions").fetchone()
    at = _data_page()
    at.button(key=f"reject-{keep_id}-{other_id}").click().run()
    at.button(key="rebuild").click().run()
    assert "- separate: people" in curation.read_text(encoding="utf-8")
    assert sorted(network_names(database)) == ["A. Berzina", "Anna Berzina"]
    assert "Merge suggestions (0 open)" in [h.value for h in at.header]


def test_quality_summary_counts_what_needs_attention(review_setup):
    at = _data_page()
    metrics = {m.label: m.value for m in at.metric}
    assert set(metrics) == {
        "Events without a date",
        "People without an organisation",
        "Figures without a subject",
        "Articles with no events",
    }
    assert metrics["Articles with no events"] == "0"


def test_broken_curation_file_shows_the_error_and_keeps_the_database(review_setup):
    database, curation = review_setup
    before = database.read_bytes()
    curation.write_text("- correct: event\n  name: x\n  type: party\n", encoding="utf-8")
    at = _data_page()
    at.button(key="rebuild").click().run()
    errors = [shown(e.value) for e in at.error]
    assert any("curation.yaml:3: 'party' is not an event type" in e for e in errors), errors
    assert database.read_bytes() == before


def shown(markdown: str) -> str:
    """What a Markdown text reads as once its backslash escapes are rendered (and its invisible joiners, which
    keep ':word:' from reading as a shortcode, are unseen)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def _data_page():
    return AppTest.from_file(str(ROOT / "views" / "6_Data.py"), default_timeout=120).run()


def _written(curation) -> str:
    return curation.read_text(encoding="utf-8") if curation.exists() else ""


@pytest.mark.parametrize("form", ["person_form", "org_form"])
def test_saving_a_form_unchanged_writes_nothing(review_setup, form):
    _, curation = review_setup
    at = _data_page()
    at.button(key=form.replace("form", "save")).click().run()
    assert not at.exception
    assert "nan" not in _written(curation) and "correct:" not in _written(curation)
    assert "Nothing changed." in [i.value for i in at.info]


def test_person_form_writes_only_the_field_the_analyst_typed(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.selectbox(key="edit_person").set_value("Maris Ozols").run()
    at.text_input(key="person_title").set_value("Head of the Film School")
    at.button(key="person_save").click().run()
    assert not at.exception
    assert yaml.safe_load(_written(curation)) == [
        {"correct": "person", "name": "Maris Ozols", "title": "Head of the Film School"}
    ]


def test_org_form_writes_only_the_country_typed(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.selectbox(key="edit_org").set_value("Opera House").run()
    at.text_input(key="org_country").set_value("Latvia")
    at.button(key="org_save").click().run()
    assert not at.exception
    entry = {"correct": "organization", "name": "Opera House", "country": "Latvia"}
    assert yaml.safe_load(_written(curation)) == [entry]


# ----------------------------------------------------------------- suggestions' evidence and every curation action


def _suggestion_ids(database) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute("SELECT keep_id, other_id FROM merge_suggestions").fetchone()


def _event_id(database, name: str) -> str:  # type: ignore[no-untyped-def]
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute("SELECT event_id FROM events WHERE name = ?", [name]).fetchone()[0]


def test_suggestion_shows_both_names_evidence_side_by_side_as_text(review_setup):
    at = _data_page()
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    assert any("moderated by Anna Berzina" in q for q in quotes)
    assert any("moderated by A. Berzina" in q for q in quotes)
    captions = " ".join(c.value for c in at.caption)
    # which article each sentence is from (its headline: here the file name, as the text has none), under the
    # name, not in a table column off to the right
    assert "Lakeside" in captions and "River" in captions


def test_open_count_drops_as_soon_as_a_suggestion_is_decided(review_setup):
    keep_id, other_id = _suggestion_ids(review_setup[0])
    at = _data_page()
    at.button(key=f"accept-{keep_id}-{other_id}").click().run()
    assert not at.exception
    assert "Merge suggestions (0 open)" in [h.value for h in at.header]  # before any rebuild


def test_any_two_names_can_be_merged_from_search_boxes(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.selectbox(key="merge_keep").set_value("Peteris Kalns")
    at.selectbox(key="merge_other").set_value("Maris Ozols")
    at.button(key="merge_save").click().run()
    assert not at.exception
    assert yaml.safe_load(_written(curation)) == [{"merge": "people", "names": ["Peteris Kalns", "Maris Ozols"]}]


def test_dropping_a_record_needs_a_confirmation_and_writes_the_drop(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.radio(key="drop_kind").set_value("organization").run()
    at.selectbox(key="drop_name").set_value("Film School")
    at.button(key="drop_save").click().run()
    assert _written(curation) == ""
    assert "tick the box to confirm" in " ".join(w.value for w in at.warning)
    at.checkbox(key="drop_sure").check()
    at.button(key="drop_save").click().run()
    assert not at.exception
    assert yaml.safe_load(_written(curation)) == [{"drop": "organization", "name": "Film School"}]


def test_event_form_writes_only_the_fields_the_analyst_typed(review_setup):
    database, curation = review_setup
    at = _data_page()
    at.selectbox(key="edit_event").set_value(_event_id(database, "Music in Small Towns")).run()
    at.button(key="event_save").click().run()
    assert _written(curation) == "" and "Nothing changed." in [i.value for i in at.info]
    at.text_input(key="event_venue").set_value("Opera House, small hall")
    at.button(key="event_save").click().run()
    assert not at.exception
    entry = {"correct": "event", "name": "Music in Small Towns", "venue": "Opera House, small hall"}
    assert yaml.safe_load(_written(curation)) == [entry]


def test_any_two_names_can_be_kept_apart(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.radio(key="merge_kind").set_value("organizations").run()
    at.selectbox(key="merge_keep").set_value("Opera House")
    at.selectbox(key="merge_other").set_value("Film School")
    at.button(key="separate_save").click().run()
    assert yaml.safe_load(_written(curation)) == [
        {"separate": "organizations", "names": ["Opera House", "Film School"]}
    ]


def test_a_person_can_be_split_in_one_article(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.selectbox(key="split_name").set_value("Maris Ozols")
    at.selectbox(key="split_article").set_value("lakeside.txt")
    at.button(key="split_save").click().run()
    assert _written(curation) == ""  # no name typed: nothing half-made is written
    at.text_input(key="split_as").set_value("Maris Ozols (film)")
    at.button(key="split_save").click().run()
    assert not at.exception
    entry = {"split": "person", "name": "Maris Ozols", "article": "lakeside.txt", "as": "Maris Ozols (film)"}
    assert yaml.safe_load(_written(curation)) == [entry]


@pytest.mark.parametrize(
    ("action", "extra"),
    [("correct", {"role": "speaker"}), ("drop", {}), ("add", {"role": "speaker", "note": "the photo caption"})],
)
def test_participation_can_be_corrected_dropped_or_added(review_setup, action, extra):
    _, curation = review_setup
    at = _data_page()
    at.radio(key="part_action").set_value(action).run()
    at.selectbox(key="part_person").set_value("Maris Ozols")
    at.selectbox(key="part_event").set_value("Music in Small Towns")
    if "role" in extra:
        at.selectbox(key="part_role").set_value(extra["role"])
    if "note" in extra:
        at.text_input(key="part_note").set_value(extra["note"])
    at.button(key="part_save").click().run()
    assert not at.exception
    entry = {action: "participation", "person": "Maris Ozols", "event": "Music in Small Towns", **extra}
    assert yaml.safe_load(_written(curation)) == [entry]


def test_adding_an_event_writes_the_required_fields_and_only_the_optional_ones_typed(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.radio(key="add_kind").set_value("event").run()
    at.text_input(key="add_name").set_value("Closing concert")
    at.selectbox(key="add_type").set_value("concert")
    at.selectbox(key="add_article").set_value("river.txt")
    at.button(key="add_save").click().run()
    assert _written(curation) == ""  # the note is missing
    at.text_input(key="add_note").set_value("last paragraph")
    at.text_input(key="add_city").set_value("Riga")
    at.button(key="add_save").click().run()
    assert not at.exception
    entry = {"add": "event", "name": "Closing concert", "type": "concert", "article": "river.txt"}
    assert yaml.safe_load(_written(curation)) == [{**entry, "note": "last paragraph", "city": "Riga"}]


def test_a_wrong_figure_can_be_dropped(app_db, tmp_path, monkeypatch):
    curation = tmp_path / "curation.yaml"
    monkeypatch.setenv("CULTURE_CURATION", str(curation))
    with duckdb.connect(str(app_db), read_only=True) as con:
        first = event_queries.figures_table(con, Filters()).iloc[0]  # the first figure the page lists
    text, file_name = first["text"], first["file_name"]
    at = _data_page()
    at.radio(key="drop_kind").set_value("figure").run()
    at.selectbox(key="drop_name").set_value(0)
    at.checkbox(key="drop_sure").check()
    at.button(key="drop_save").click().run()
    assert not at.exception
    assert yaml.safe_load(_written(curation)) == [{"drop": "figure", "article": file_name, "text": text}]


def test_person_form_can_rename(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.selectbox(key="edit_person").set_value("Maris Ozols").run()
    at.text_input(key="person_rename").set_value("Māris Ozols")
    at.button(key="person_save").click().run()
    assert yaml.safe_load(_written(curation)) == [{"correct": "person", "name": "Maris Ozols", "rename": "Māris Ozols"}]


def test_adding_a_figure_writes_its_value_as_a_number(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.radio(key="add_kind").set_value("figure").run()
    at.selectbox(key="add_article").set_value("river.txt")
    at.text_input(key="add_value").set_value("3,000")
    at.text_input(key="add_unit").set_value("people")
    at.text_input(key="add_text").set_value("about 3,000 visitors")
    at.text_input(key="add_note").set_value("second paragraph")
    at.checkbox(key="add_approx").check()
    at.button(key="add_save").click().run()
    assert not at.exception
    entry = {"add": "figure", "article": "river.txt", "value": 3000, "unit": "people", "text": "about 3,000 visitors"}
    assert yaml.safe_load(_written(curation)) == [{**entry, "note": "second paragraph", "approx": True}]


# ----------------------------------------------------------------- corrections in one article, removals


def test_a_person_correction_can_be_limited_to_one_article(review_setup):
    database, curation = review_setup
    at = _data_page()
    at.selectbox(key="edit_person").set_value("Anna Berzina").run()
    at.selectbox(key="person_article").set_value("lakeside.txt").run()
    assert at.text_input(key="person_title").value == "Director"  # what that article says of her
    at.text_input(key="person_title").set_value("Artistic director")
    at.button(key="person_save").click().run()
    assert not at.exception
    entry = {"correct": "person", "name": "Anna Berzina", "article": "lakeside.txt", "title": "Artistic director"}
    assert yaml.safe_load(_written(curation)) == [entry]
    at.button(key="rebuild").click().run()
    with duckdb.connect(str(database), read_only=True) as con:
        titles = con.execute(
            """SELECT a.file_name, af.title FROM affiliations af JOIN people p USING (person_id)
               JOIN articles a USING (article_id) WHERE p.name = 'Anna Berzina'"""
        ).fetchall()
    assert titles == [("lakeside.txt", "Artistic director")]


def test_an_events_parent_can_be_removed(review_setup):
    database, curation = review_setup
    panel = _event_id(database, "Music in Small Towns")
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT parent_id FROM events WHERE event_id = ?", [panel]).fetchone()[0] is not None
    at = _data_page()
    at.selectbox(key="edit_event").set_value(panel).run()
    at.multiselect(key="event_clear").set_value(["parent"])
    at.button(key="event_save").click().run()
    assert not at.exception
    assert yaml.safe_load(_written(curation)) == [{"correct": "event", "name": "Music in Small Towns", "parent": None}]
    at.button(key="rebuild").click().run()
    assert not at.exception
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT parent_id FROM events WHERE event_id = ?", [panel]).fetchone()[0] is None


def test_a_persons_organisation_can_be_removed(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.selectbox(key="edit_person").set_value("Maris Ozols").run()
    at.multiselect(key="person_clear").set_value(["organization"])
    at.button(key="person_save").click().run()
    assert yaml.safe_load(_written(curation)) == [{"correct": "person", "name": "Maris Ozols", "organization": None}]


def test_choosing_another_record_shows_its_own_values_and_writes_nothing_unchanged(review_setup):
    database, curation = review_setup
    at = _data_page()
    at.selectbox(key="edit_person").set_value("Anna Berzina").run()
    at.selectbox(key="edit_person").set_value("Maris Ozols").run()
    # a keyed field keeps what it showed last (Streamlit 1.67): saving wrote Anna Berzina's title for him
    assert at.text_input(key="person_title").value == "Head"
    assert at.selectbox(key="person_org").value == "Film School"
    at.button(key="person_save").click().run()
    at.selectbox(key="edit_event").set_value(_event_id(database, "Music in Small Towns")).run()
    at.selectbox(key="edit_event").set_value(_event_id(database, "Audiences after the Pandemic")).run()
    at.button(key="event_save").click().run()
    assert not at.exception
    assert _written(curation) == ""


def test_an_added_participation_keeps_the_title_typed(review_setup):
    _, curation = review_setup
    at = _data_page()
    at.radio(key="part_action").set_value("add").run()
    at.selectbox(key="part_person").set_value("Peteris Kalns")
    at.selectbox(key="part_event").set_value("Music in Small Towns")
    at.selectbox(key="part_role").set_value("attendee")
    at.text_input(key="part_title").set_value("Rector")
    at.text_input(key="part_note").set_value("photo caption")
    at.button(key="part_save").click().run()
    entry = {"add": "participation", "person": "Peteris Kalns", "event": "Music in Small Towns", "role": "attendee"}
    assert yaml.safe_load(_written(curation)) == [{**entry, "note": "photo caption", "title": "Rector"}]


def test_two_records_of_one_name_are_told_apart_by_renaming_the_second(literal_tables, tmp_path, monkeypatch):
    # a merge by name merged a record with itself (and the page counted the suggestion as done)
    import pandas as pd

    from etl.load import COLUMNS, write_database

    tables = dict(literal_tables)
    tables["people"] = pd.concat(
        [tables["people"], pd.DataFrame([("P9", "Ana Lund", [], None)], columns=COLUMNS["people"])], ignore_index=True
    )
    suggestion = ("person", "P1", "Ana Lund", "P9", "Ana Lund", 0.8, "names 100% alike", "open")
    tables["merge_suggestions"] = pd.DataFrame([suggestion], columns=COLUMNS["merge_suggestions"])
    database, curation = tmp_path / "culture.duckdb", tmp_path / "curation.yaml"
    write_database(database, tables)
    monkeypatch.setenv("CULTURE_DB", str(database))
    monkeypatch.setenv("CULTURE_CURATION", str(curation))
    at = _data_page()
    assert at.button(key="accept-P1-P9").disabled
    at.text_input(key="rename-P1-P9").set_value("Ana Lund (curator)")
    at.button(key="rename-save-P1-P9").click().run()
    assert not at.exception
    assert yaml.safe_load(_written(curation)) == [{"correct": "person", "name": "P9", "rename": "Ana Lund (curator)"}]
