"""The curation file: each kind of entry applied to literal tables, stale entries, and broken entries' errors."""

from datetime import date

import pandas as pd
import pytest

from etl.curation import apply_curation
from etl.curation_file import CurationError, read_curation
from tests.conftest import LITERAL_ROWS


def curate(tables, curation_file, text):
    path = curation_file(text)
    return apply_curation(tables, read_curation(path), path)


def names(frame):
    return sorted(frame["name"])


def test_merge_people_keeps_the_first_name_and_moves_every_reference(literal_tables, curation_file):
    out, report = curate(literal_tables, curation_file, "- merge: people\n  names: [Ana Lund, Ben Ode]\n")
    assert names(out["people"]) == ["Ana Lund", "Cai Wen"]
    ana = out["people"].set_index("name").loc["Ana Lund"]
    assert "Ben Ode" in ana["aliases"]
    assert set(out["participations"]["person_id"]) == {"P1", "P3"}
    assert len(out["participations"]) == 4  # the two speeches at the second panel became one
    assert report.applied[0][0] == 1 and report.stale == []


def test_merge_organisations(literal_tables, curation_file):
    out, _ = curate(literal_tables, curation_file, "- merge: organizations\n  names: [Harbour Museum, Reed Trio]\n")
    assert names(out["organizations"]) == ["Harbour Museum"]
    assert set(out["mentions"].query("kind == 'organization'")["entity_id"]) == {"O1"}


def test_split_gives_one_article_its_own_person(literal_tables, curation_file):
    text = "- split: person\n  name: Ana Lund\n  article: forum.txt\n  as: Ana Lund (Bergen)\n"
    out, _ = curate(literal_tables, curation_file, text)
    new_id = out["people"].set_index("name").at["Ana Lund (Bergen)", "person_id"]
    assert set(out["mentions"].query("kind == 'person'")["entity_id"]) == {new_id}
    assert set(out["participations"].query("person_id == @new_id")["event_id"]) == {"E2", "E3"}


def test_correct_person_event_and_participation(literal_tables, curation_file):
    text = """
- correct: person
  name: Ben Ode
  title: Curator
  organization: Reed Trio
- correct: event
  name: Gala concert
  start: 2024-03
  type: concert
  parent: Harbour Forum
- correct: participation
  person: Cai Wen
  event: Panel one
  role: presenter
"""
    out, report = curate(literal_tables, curation_file, text)
    aff = out["affiliations"].query("person_id == 'P2'")
    assert aff[["org_id", "title"]].values.tolist() == [["O2", "Curator"]]
    gala = out["events"].set_index("name").loc["Gala concert"]
    assert (gala["start_date"], gala["date_precision"], gala["parent_id"]) == (date(2024, 3, 1), "month", "E1")
    assert out["participations"].query("person_id == 'P3'")["role"].tolist() == ["presenter"]
    assert [line for line, _ in report.applied] == [2, 6, 11]


def test_one_article_person_correction_leaves_other_articles_events_alone(literal_tables, curation_file):
    parts = literal_tables["participations"]
    gala = ["E4", "P1", "performer", "Soloist", "O2", "Ana Lund played.", "subject_of_verb"]
    literal_tables["participations"] = pd.concat([parts, pd.DataFrame([gala], columns=parts.columns)])
    text = "- correct: person\n  name: Ana Lund\n  article: forum.txt\n  title: Chair\n"
    out, _ = curate(literal_tables, curation_file, text)
    titles = out["participations"].query("person_id == 'P1'").set_index("event_id")["title"].to_dict()
    assert titles == {"E2": "Chair", "E3": "Chair", "E4": "Soloist"}


@pytest.mark.parametrize(
    ("entry", "table", "gone"),
    [
        ("- drop: person\n  name: Cai Wen\n", "people", "Cai Wen"),
        ("- drop: organization\n  name: Reed Trio\n", "organizations", "Reed Trio"),
        ("- drop: event\n  name: Panel two\n", "events", "Panel two"),
    ],
)
def test_drop_removes_the_record_and_its_links(literal_tables, curation_file, entry, table, gone):
    out, _ = curate(literal_tables, curation_file, entry)
    assert gone not in set(out[table]["name"])
    if table == "events":
        assert "E3" not in set(out["participations"]["event_id"]) | set(out["event_articles"]["event_id"])


def test_drop_figure_and_participation(literal_tables, curation_file):
    text = (
        "- drop: figure\n  article: forum.txt\n  text: 45%\n"
        "- drop: participation\n  person: Ben Ode\n  event: Panel one\n"
    )
    out, _ = curate(literal_tables, curation_file, text)
    assert out["figures"].empty
    assert not ((out["participations"]["person_id"] == "P2") & (out["participations"]["event_id"] == "E2")).any()


def test_add_records_with_their_note_as_evidence(literal_tables, curation_file):
    text = """
- add: person
  name: Dana Holm
  organization: Harbour Museum
  title: Curator
  note: named in the photo caption of forum.txt
- add: event
  name: Closing reception
  type: ceremony
  start: 2024-03-05
  parent: Harbour Forum
  article: forum.txt
  note: last paragraph
- add: participation
  person: Dana Holm
  event: Closing reception
  role: organizer
  note: last paragraph
- add: figure
  article: forum.txt
  value: 45
  unit: percent
  text: 45%
  event: Panel one
  note: the extraction missed it
"""
    out, report = curate(literal_tables, curation_file, text)
    assert "Dana Holm" in set(out["people"]["name"])
    reception = out["events"].set_index("name").loc["Closing reception"]
    assert reception["parent_id"] == "E1" and "last paragraph" in reception["evidence"]
    part = out["participations"].iloc[-1]
    assert part["role"] == "organizer" and part["org_id"] == "O1"
    figure = out["figures"].iloc[-1]
    assert figure["value"] == 45 and "missed it" in figure["evidence"]
    body = LITERAL_ROWS["articles"][0][6]
    assert body[figure["start_char"] : figure["end_char"]] == "45%"  # the pages highlight and quote it
    assert len(report.applied) == 4


def test_separate_changes_nothing(literal_tables, curation_file):
    out, report = curate(literal_tables, curation_file, "- separate: people\n  names: [Ana Lund, Ben Ode]\n")
    assert names(out["people"]) == names(literal_tables["people"]) and len(report.applied) == 1


def test_entry_matching_nothing_is_reported_stale(literal_tables, curation_file):
    text = (
        "- correct: person\n  name: Zygmunt Quarrie\n  title: Chair\n- drop: figure\n  article: gone.txt\n  text: 5\n"
    )
    out, report = curate(literal_tables, curation_file, text)
    assert [line for line, _ in report.stale] == [1, 4]
    assert "any more" in report.stale[0][1]
    assert out["people"].equals(literal_tables["people"])


def test_misspelt_name_is_an_error_with_the_likely_name(literal_tables, curation_file):
    with pytest.raises(CurationError, match=r"curation.yaml:3: no person named 'Ana Lunt'.*Did you mean 'Ana Lund'"):
        curate(literal_tables, curation_file, "- correct: person\n  title: Chair\n  name: Ana Lunt\n")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("- correct: person\n  name: [Ana\n", 3, "YAML syntax error"),
        ("correct: person\n", 1, "must be a list of entries"),
        ("- fix: person\n  name: Ana Lund\n", 1, "exactly one action"),
        ("- correct: figure\n  name: x\n", 1, "'correct: figure' is not known"),
        ("- correct: event\n  start: 2024-01-01\n", 1, "'correct: event' needs name"),
        ("- correct: event\n  name: Panel one\n  colour: red\n", 3, "unknown field 'colour'"),
        ("- correct: event\n  name: Panel one\n  start: 4 March\n", 3, "is not a date"),
        ("- correct: event\n  name: Panel one\n  type: party\n", 3, "'party' is not an event type"),
        ("- add: participation\n  person: A\n  event: B\n  role: host\n  note: n\n", 4, "'host' is not a role"),
        ("- merge: people\n  names: [Ana Lund]\n", 2, "two or more names"),
        ("- add: person\n  name: New Person\n  note: ''\n", 3, "needs a note"),
    ],
)
def test_broken_entries_name_the_line_and_what_to_write(curation_file, text, line, message):
    with pytest.raises(CurationError) as err:
        read_curation(curation_file(text))
    assert f"curation.yaml:{line}:" in str(err.value)
    assert message in str(err.value)


def test_missing_or_empty_file_is_no_curation(tmp_path, curation_file):
    assert read_curation(tmp_path / "absent.yaml") == []
    assert read_curation(curation_file("# nothing yet\n")) == []
