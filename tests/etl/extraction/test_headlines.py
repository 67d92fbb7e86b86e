"""Dated headline lists at the end of an article: each headline that reports an event is one."""

import pytest

pytestmark = pytest.mark.slow

HEADLINES = """The Lakeside Arts Forum closed with a concert.

14.05.2024 10:20
Minister of Culture met his Finnish counterpart
13.05.2024 18:00
The Northern Song Festival ended with an exhibition and a gala-concert
12.05.2024 16:40
"Sound and Silence" - the second panel discussion of the forum
12.05.2024 09:15
National Library Delegation Visits the Academy of Music
11.05.2024 12:00
"Paper Boats!" 3 March – 20 April
10.05.2024 11:00
The Harbour Film Forum is being held for the first time
"""


@pytest.fixture(scope="module")
def listed(extract):
    ex = extract(HEADLINES)
    return {e.name: e for e in ex.events.values()}


def test_a_headline_verb_makes_a_meeting_dated_by_its_stamp(listed):
    meeting = listed["Meeting of the Minister of Culture with his Finnish counterpart"]
    assert meeting.type == "meeting"
    assert str(meeting.start_date) == "2024-05-14"


def test_a_visit_headline_names_visitor_and_host(listed):
    visit = listed["National Library Delegation Visit to the Academy of Music"]
    assert visit.type == "visit" and str(visit.start_date) == "2024-05-12"


def test_ended_with_gives_the_end_date_and_closing_children(listed):
    festival = listed["Northern Song Festival"]
    assert str(festival.end_date) == "2024-05-13" and festival.start_date is None
    exhibition = listed["Closing exhibition of the Northern Song Festival"]
    concert = listed["Closing gala-concert of the Northern Song Festival"]
    assert exhibition.type == "exhibition" and concert.type == "concert"
    assert exhibition.parent_local_id == festival.local_id == concert.parent_local_id


def test_quoted_title_with_its_own_range_keeps_the_range(listed):
    event = listed["Paper Boats!"]
    assert (str(event.start_date), str(event.end_date)) == ("2024-03-03", "2024-04-20")


def test_panel_listed_before_its_forum_is_linked_by_date(listed):
    panel = listed["Sound and Silence"]
    assert panel.type == "panel" and str(panel.start_date) == "2024-05-12"
    assert panel.parent_local_id == listed["Harbour Film Forum"].local_id


def test_each_headline_is_one_sentence(nlp):
    doc = nlp('Intro text here.\n\n12.05.2024 09:15\nA discussion was held on "Old Maps. New Roads" at the forum\n')
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[-2:] == ["12.05.2024 09:15", 'A discussion was held on "Old Maps. New Roads" at the forum']
