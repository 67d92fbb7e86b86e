"""Rule `event_title` (etl/extraction/organisers.py): a person whose title heads the event organises it."""

import pytest

pytestmark = pytest.mark.slow

STORY = "Harbour Jazz Festival closes\n\nThe Harbour Jazz Festival drew large crowds all weekend. {sentence}"


def organisers(extract, sentence):
    ex = extract(STORY.format(sentence=sentence))
    return {
        (ex.people[p.person_local_id].name, ex.events[p.event_local_id].type, p.rule)
        for p in ex.participations
        if p.role == "organizer"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "“There were more people every night,” said Tom Reed, first-year festival executive director.",
        "The photos were described by Tom Reed, Executive Director of the Festival.",
    ],
)
def test_the_head_of_the_event_is_its_organiser(extract, sentence):
    assert ("Tom Reed", "festival", "event_title") in organisers(extract, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Reed, Director of the Selby Short Film Festival, gave information about his own festival.",
        "Tom Reed, Director of the Festival Foundation, attended the closing night.",
        "Tom Reed, a member of the festival jury, praised the young players.",
    ],
)
def test_heading_another_event_or_a_body_is_not_organising_this_one(extract, sentence):
    assert not any(rule == "event_title" for _, _, rule in organisers(extract, sentence))
