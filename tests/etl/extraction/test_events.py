"""Events of one article (etl/extraction/events.py): dates the text gives, and no others."""

from datetime import date

import pytest


@pytest.mark.slow
def test_until_a_date_closes_the_event_and_does_not_open_it(extract):
    text = (
        "Harbour Lights in Colour, an exhibition of photography, has begun in Selby.\n\n"
        "The exhibition will display works of photographer Ana Berg until Mar 15."
    )
    ex = extract(text, "2023-02-09")
    ev = next(e for e in ex.events.values() if e.name == "Harbour Lights in Colour")
    assert ev.start_date is None
    assert ev.end_date == date(2023, 3, 15)


@pytest.mark.slow
def test_a_later_sentence_about_the_event_dates_the_lead_event(extract):
    text = (
        "Harbour infoday\n\n"
        "Purpose of the webinar was to inform local councils about the new arts fund.\n\n"
        "The event took place on the Zoom platform from 14.30 to 16.30 of Wed. 30th March 2022."
    )
    ev = next(iter(extract(text).events.values()))
    assert ev.start_date == date(2022, 3, 30)


@pytest.mark.slow
def test_a_future_reference_does_not_date_the_lead_event(extract):
    text = (
        "Harbour infoday\n\n"
        "Purpose of the webinar was to inform local councils about the new arts fund.\n\n"
        "The next event will be held on 30th March 2022."
    )
    ev = next(iter(extract(text).events.values()))
    assert ev.start_date is None


@pytest.mark.slow
def test_the_exhibition_of_named_things_is_an_event(extract):
    text = "Harbour days open\n\nVisitors enjoyed the exhibition of fine and applied arts of Norland."
    names = {e.name for e in extract(text).events.values()}
    assert "Exhibition of fine and applied arts of Norland" in names


@pytest.mark.slow
def test_a_concert_programme_that_was_presented_is_a_concert(extract):
    text = "Harbour days open\n\nA concert program was presented, showing folk and pop music."
    found = {e.name: e.type for e in extract(text).events.values()}
    assert found.get("Concert program") == "concert"


@pytest.mark.slow
@pytest.mark.parametrize("place", ["Selby International Conference Centre", "Harbour Festival Hall"])
def test_an_event_word_inside_a_place_name_is_not_an_event(extract, place):
    text = f"Stars shine at awards\n\nMusicians came to the {place} on Saturday to walk the red carpet."
    names = {e.name for e in extract(text).events.values()}
    assert not any(name in place for name in names)


@pytest.mark.slow
def test_the_sentence_after_the_lead_gives_its_day(extract):
    text = (
        "Selby singer wins award\n\nSelby singer Ana Lund took home the Harbour Music Awards trophy for artist of "
        "the year.\n\nMusicians came to the Harbour Arena on Saturday to walk the red carpet."
    )
    lead = next(iter(extract(text, published="2018-11-25").events.values()))  # a Sunday
    assert lead.start_date == date(2018, 11, 24)
    assert "on Saturday" in lead.evidence


@pytest.mark.slow
def test_a_next_sentence_about_the_future_does_not_date_the_lead(extract):
    text = (
        "Selby singer wins award\n\nSelby singer Ana Lund took home the Harbour Music Awards trophy for artist of "
        "the year.\n\nShe will perform at the Harbour Arena on Saturday."
    )
    lead = next(iter(extract(text, published="2018-11-25").events.values()))
    assert lead.start_date is None


@pytest.mark.slow
def test_a_dateline_day_anchors_today(extract):
    text = (
        "Theatre festival opens in Selby\n\n"
        "Selby, March 5\n\n"
        "The Harbour Theatre Festival organised by the Selby Drama Society was inaugurated here today."
    )
    ev = next(e for e in extract(text, "2023-03-06").events.values() if "Festival" in e.name)
    assert (ev.start_date, ev.date_precision) == (date(2023, 3, 5), "day")


@pytest.mark.slow
def test_a_lasting_event_that_concluded_today_ends_today_and_a_later_range_opens_it(extract):
    text = (
        "Heritage workshop concludes\n\n"
        "The 10-day Harbour Heritage Workshop concluded today with presentations from participants.\n\n"
        "The 10-day workshop, held from October 15 to 24, 2024, was a comprehensive learning experience. "
        "It included an opening ceremony, lectures and a closing ceremony."
    )
    events = extract(text, "2024-10-24").events.values()
    workshop = next(e for e in events if e.name.endswith("Workshop"))
    assert (workshop.start_date, workshop.end_date) == (date(2024, 10, 15), date(2024, 10, 24))


@pytest.mark.slow
def test_the_sentence_a_came_during_lead_points_back_to_dates_it(extract):
    text = (
        "Minister visits Selby Museum\n\n"
        "SELBY: Minister of Culture Ana Berg praised yesterday the museum staff for renovating Selby Museum.\n\n"
        "This came during a field tour the Minister made at the Museum, accompanied by curator Lee Park."
    )
    ev = next(iter(extract(text, "2021-05-19").events.values()))
    assert ev.type == "visit"
    assert ev.start_date == date(2021, 5, 18)


@pytest.mark.slow
def test_a_headline_name_and_its_longer_form_in_the_text_are_one_event(extract):
    text = (
        "Harbour Festival wraps up\n\n"
        "SELBY — Ana Berg performed for hundreds of festival-goers as the Harbour Festival of the Arts ended."
    )
    names = [e.name for e in extract(text).events.values() if "Festival" in e.name]
    assert names == ["Harbour Festival of the Arts"]


@pytest.mark.slow
def test_a_prize_story_has_the_prize_and_its_ceremony(extract):
    text = (
        "The Harbour Prize 2014 winner is Selby's Ana Lund!\n\n"
        "The ceremony with several speeches started with a minute of silence at the Selby Library."
    )
    events = {e.name: e for e in extract(text, "2014-07-15").events.values()}
    prize, ceremony = events["Harbour Prize 2014"], events["Harbour Prize 2014 award ceremony"]
    assert prize.type == "competition"
    assert ceremony.parent_local_id == prize.local_id
    assert prize.start_date == ceremony.start_date == date(2014, 1, 1)


@pytest.mark.slow
def test_a_passive_inauguration_in_the_lead_is_the_event_and_dated(extract):
    text = "The new wing of the Selby Art Museum was inaugurated yesterday. Mayor Mara Kovac cut the ribbon."
    ev = next(iter(extract(text, "2024-05-12").events.values()))
    assert (ev.name, ev.type, ev.start_date) == (
        "Inauguration of new wing of Selby Art Museum",
        "ceremony",
        date(2024, 5, 11),
    )


@pytest.mark.slow
def test_opened_on_a_weekday_and_running_until_a_date_gives_both_ends(extract):
    text = "The 15th Selby International Book Fair opened on Wednesday and will run until May 20."
    ev = next(iter(extract(text, "2024-05-12").events.values()))
    assert (ev.start_date, ev.end_date) == (date(2024, 5, 8), date(2024, 5, 20))


@pytest.mark.slow
def test_a_lecture_is_an_event_its_lecturer_speaks_at(extract):
    ex = extract("Architect Mara Kovac delivered a lecture on sustainable museums in Selby on Thursday.", "2024-05-12")
    ev = next(iter(ex.events.values()))
    assert (ev.name, ev.start_date) == ("Lecture on sustainable museums", date(2024, 5, 9))
    assert {(ex.people[p.person_local_id].name, p.role) for p in ex.participations} == {("Mara Kovac", "speaker")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Third Edition of the Harbour Arts Festival was inaugurated on Monday.",
            "Third Edition of the Harbour Arts Festival",
        ),
        (
            "It includes the International Forum on State-of-the-Art Music, which aims to help.",
            "International Forum on State-of-the-Art Music",
        ),
        ("The 13th Festival of Harbour Arts opened on Monday.", "13th Festival of Harbour Arts"),
        ("Minister Ana Berg inaugurated last Friday the 31st Selby Citadel Festival.", "31st Selby Citadel Festival"),
        # a duration or a date is not part of a described event's name
        ("A three-day workshop on museum management was held in Selby.", "Workshop on museum management"),
        ("The prize was presented at a ceremony on Thursday in Selby.", "Ceremony"),
    ],
)
def test_an_event_is_named_by_its_own_words_with_its_edition_and_topic(extract, text, name):
    assert name in [e.name for e in extract(text, "2024-05-12").events.values()]


@pytest.mark.slow
def test_another_name_of_an_event_is_not_a_second_event(extract):
    text = "The Forum of United Harbours, formerly known as the International Harbour Forum, started in Selby on May 9."
    events = list(extract(text, "2024-05-12").events.values())
    assert [(e.name, e.start_date) for e in events] == [("Forum of United Harbours", date(2024, 5, 9))]


@pytest.mark.slow
def test_a_festival_that_kicked_off_is_an_event_even_where_it_is_also_a_body(extract):
    text = (
        "Harbour festival roars into life\n\n"
        "Selby — The much-awaited 2018 Selby International Festival of the Arts (SIFA) kicked off Tuesday with shows."
    )
    events = {e.name: e for e in extract(text, "2018-05-02").events.values()}
    assert events["2018 Selby International Festival of the Arts (SIFA)"].start_date == date(2018, 5, 1)


@pytest.mark.slow
def test_a_later_visit_by_someone_named_is_an_event_of_its_own(extract):
    text = (
        "Minister opens cultural centre in Selby\n\n"
        "SELBY - The culture minister on Wednesday inaugurated a new branch of the Harbour Institute in Selby.\n\n"
        "Speaking at the opening ceremony, Ana Berg, the minister, said the centre would teach languages.\n\n"
        "Later in the day, Berg visited a mosque in Selby."
    )
    names = [e.name for e in extract(text, "2024-05-12").events.values()]
    assert "Ana Berg's visit to a mosque in Selby" in names


@pytest.mark.slow
def test_the_stops_of_a_tour_the_lead_reports_are_not_visits_of_their_own(extract):
    text = (
        "Minister visits Selby Museum\n\n"
        "SELBY: Culture Minister Ana Berg praised yesterday the staff of the Selby Museum.\n\n"
        "This came during a field tour the Minister made at the Museum.\n\n"
        "The Minister visited the main exhibition hall. Ana Berg also visited the folk heritage museum."
    )
    events = list(extract(text, "2021-05-19").events.values())
    assert [(e.name, e.type, e.start_date) for e in events] == [
        ("Field tour of Selby Museum", "visit", date(2021, 5, 18))  # the headline says where
    ]


@pytest.mark.slow
def test_an_event_something_was_announced_at_is_an_event_with_its_month(extract):
    text = (
        "The mission made new finds in Selby. The discoveries will be announced at a press conference in the coming "
        "weeks. The last discovery was announced at an international press conference in early October 2020."
    )
    events = [(e.name, e.start_date, e.date_precision) for e in extract(text, "2021-02-01").events.values()]
    assert events == [("International press conference", date(2020, 10, 1), "month")]


@pytest.mark.slow
def test_the_finale_of_a_season_the_lead_names_is_its_part(extract):
    text = (
        "Small town boy wins the Idol\n\n"
        "Seven months after he auditioned for the third edition of Selby Idol, Ana Berg clinched the title. "
        "The hosts announced the votes at the glitzy finale in Selby."
    )
    events = {e.name: e for e in extract(text).events.values()}
    finale = events["Finale of the third edition of Selby Idol"]
    assert events[next(n for n in events if n != finale.name)].local_id == finale.parent_local_id
