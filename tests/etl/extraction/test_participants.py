"""Grammar rules for who took part and how (etl/extraction/participants.py), each on invented sentences."""

from dataclasses import dataclass

import pytest
import yaml

from etl.extraction.participants import find_roles
from etl.extraction.people import find_people
from etl.extraction.words import ROLES_FILE, WordClassError, parse_role_words

pytestmark = pytest.mark.slow


@dataclass
class Ref:
    start: int
    end: int
    name: str


def hits(nlp, text):
    """Roles the rules give; people are the model's names plus any two capitalised words it missed."""
    doc = nlp(text)
    people = [Ref(p.start, p.end, p.name) for p in find_people(doc)]
    taken = {i for p in people for i in range(p.start, p.end)}
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        pair = tok.is_title and nxt.is_title and tok.pos_ == nxt.pos_ == "PROPN"
        if pair and tok.i not in taken and nxt.i not in taken and tok.i > 0 and not doc[tok.i - 1].is_title:
            people.append(Ref(tok.i, tok.i + 2, f"{tok.text} {nxt.text}"))
            taken |= {tok.i, nxt.i}
    people.sort(key=lambda p: p.start)
    return {(people[h.person].name, h.role, h.rule) for h in find_roles(doc, people)}


@pytest.mark.parametrize(
    ("sentence", "person", "role", "rule"),
    [
        ("Singer Mara Kovac and pianist Lev Orlov performed at the gala.", "Lev Orlov", "performer", "subject_of_verb"),
        (
            "“We are proud of our museum,” said Helen Vasquez, the director.",
            "Helen Vasquez",
            "speaker",
            "subject_of_verb",
        ),
        ("Pedro Alves received the award for best documentary.", "Pedro Alves", "honoree", "subject_of_verb"),
        ("Anika Sorensen took the stage after midnight.", "Anika Sorensen", "performer", "subject_of_verb"),
        ("Jonas Weber arrived at noon and addressed the guests.", "Jonas Weber", "speaker", "subject_of_verb"),
        ("The exhibition was opened by Marta Lindqvist.", "Marta Lindqvist", "attendee", "agent_of_passive"),
        (
            "The ceremony was attended by Karl Brandt and Sofia Ruiz.",
            "Sofia Ruiz",
            "attendee",
            "agent_of_passive",
        ),
        ("The festival was organised by Tomas Novak.", "Tomas Novak", "organizer", "agent_of_passive"),
        ("The grand prize was awarded to Ines Moreau.", "Ines Moreau", "honoree", "recipient"),
        ("The Best Actress Prize was awarded to actress Ines Moreau.", "Ines Moreau", "honoree", "recipient"),
        (
            "The festival opened with performances by Mara Kovac, Lev Orlov and Ines Moreau.",
            "Ines Moreau",
            "performer",
            "performance_of",
        ),
        (
            "The exhibition was opened by Mara Kovac in the presence of Ambassador Lev Orlov.",
            "Lev Orlov",
            "attendee",
            "in_attendance",
        ),
        ("Mara Kovac and Lev Orlov were among the winners.", "Mara Kovac", "honoree", "copula_role"),
        (
            "The lineup featured the River City Band with Lev Orlov on vocals and many others.",
            "Lev Orlov",
            "performer",
            "on_instrument",
        ),
        (
            "During the ceremony, the minister honoured Mara Kovac and Lev Orlov.",
            "Lev Orlov",
            "honoree",
            "honoured_object",
        ),
        (
            "The forum ended with the signing by Lev Orlov of four memorandums.",
            "Lev Orlov",
            "attendee",
            "in_attendance",
        ),
        ("Later that evening Syrian vocalist Lev Orlov stole the show.", "Lev Orlov", "performer", "subject_of_verb"),
        (
            "And in turn, the Director of the Selby Opera House, Lev Orlov, praised the ministry.",
            "Lev Orlov",
            "speaker",
            "subject_of_verb",
        ),
        (
            "The orchestra performed on Friday under the baton of conductor Lev Orlov.",
            "Lev Orlov",
            "performer",
            "performance_of",
        ),
        (
            "Ambassador Mara Kovac addressed the guests, and singer Lev Orlov performed folk songs.",
            "Lev Orlov",
            "performer",
            "subject_of_verb",
        ),
        ("Dario Conti was named the best young conductor.", "Dario Conti", "honoree", "honoured_subject"),
        ("The winners were Olga Petrova and Nils Berg.", "Nils Berg", "honoree", "copula_role"),
        ("The meeting opened with the speech of Laura Bianchi.", "Laura Bianchi", "speaker", "speech_of"),
        (
            "Music critic and one of the judges, Ravi Menon, praised the finalists.",
            "Ravi Menon",
            "attendee",
            "role_noun",
        ),
        ("The evening was led by hosts Clara Dupont and Omar Haddad.", "Clara Dupont", "presenter", "role_noun"),
        (
            "Ambassador of Chile to Norway Rosa Fuentes said the week was a success.",
            "Rosa Fuentes",
            "speaker",
            "subject_of_verb",
        ),
        ("Sara Lindgren from Norway took home album of the year.", "Sara Lindgren", "honoree", "subject_of_verb"),
        (
            "Mali's Tunde Bello won the award for best pop, Ghana's Kofi Mensah for best reggae, and Kenya's "
            "Amani Otieno for best jazz.",
            "Kofi Mensah",
            "honoree",
            "prize_category",
        ),
        (
            "Mali's Tunde Bello won the award for best pop, Ghana's Kofi Mensah for best reggae, and Kenya's "
            "Amani Otieno for best jazz.",
            "Amani Otieno",
            "honoree",
            "prize_category",
        ),
        (
            "In attendance were Mayor Piotr Zielinski and the writer Hanna Ek.",
            "Piotr Zielinski",
            "attendee",
            "in_attendance",
        ),
    ],
)
def test_rule_gives_role(nlp, sentence, person, role, rule):
    assert (person, role, rule) in hits(nlp, sentence)


def test_pronoun_points_to_the_last_subject_not_the_last_name(nlp):
    text = (
        "Curator Elena Moss, who spoke at the session moderated by Paul Grant, showed new works. "
        "She said that the collection will travel."
    )
    got = hits(nlp, text)
    assert ("Elena Moss", "speaker", "pronoun_subject") in got
    assert not any(name == "Paul Grant" and rule == "pronoun_subject" for name, _, rule in got)


def test_role_noun_that_speaks_replaces_the_speech_verb(nlp):
    got = hits(nlp, "The festival has grown, claimed hosts Maya Lund and Erik Sand at the final night.")
    assert ("Maya Lund", "presenter", "role_noun") in got
    assert not any(name == "Maya Lund" and role == "speaker" for name, role, _ in got)


def test_a_person_named_in_passing_gets_no_role(nlp):
    assert hits(nlp, "The hall was built in 1910 by the architect Oskar Lindgren.") == set()


def test_word_class_file_loads_and_names_a_missing_key(tmp_path):
    data = yaml.safe_load(ROLES_FILE.read_text(encoding="utf-8"))
    words = parse_role_words(data)
    assert words.subject_verbs["sing"] == "performer" and "award" in words.recipient_verbs
    del data["role_nouns"]
    with pytest.raises(WordClassError, match="role_nouns"):
        parse_role_words(data, tmp_path / "roles.yaml")


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("Director Lev Orlov conducted a master class for young actors.", "Lev Orlov", "trainer"),
        ("Painter Mara Kovac held a workshop on glazing.", "Mara Kovac", "trainer"),
    ],
)
def test_giving_a_class_makes_a_trainer(nlp, sentence, person, role):
    assert (person, role, "subject_of_verb") in hits(nlp, sentence)


@pytest.mark.parametrize(
    ("event_type", "role"),
    [("training", "trainer"), ("concert", "performer")],
)
def test_conducted_by_takes_its_role_from_the_event(nlp, event_type, role):
    doc = nlp("The session was conducted by director Lev Orlov.")
    people = [Ref(p.start, p.end, p.name) for p in find_people(doc)]
    found = {(people[h.person].name, h.role) for h in find_roles(doc, people, {0: event_type})}
    assert found == {("Lev Orlov", role)}


def article_roles(extract, text, published="2024-03-01"):
    ex = extract(text, published)
    return {(ex.people[p.person_local_id].name, p.role, ex.events[p.event_local_id].name) for p in ex.participations}


def test_everyone_on_a_visit_is_an_attendee(extract):
    text = (
        "Minister visits the city museum\n\n"
        "Minister of Culture Anna Berg praised yesterday the museum staff during a field tour the minister "
        "made at the museum, accompanied by Secretary General Lev Orlov and curator Mara Kovac."
    )
    roles = {(name, role) for name, role, _ in article_roles(extract, text)}
    assert ("Lev Orlov", "attendee") in roles
    assert not any(role == "performer" for _, role in roles)


def test_the_sides_of_a_signing_are_attendees(extract):
    text = (
        "Two ministries sign a cultural agreement\n\n"
        "The Ministry of Culture of Norland and the Ministry of Arts of Southland on Wednesday signed a "
        "memorandum of understanding on cultural cooperation.\n\n"
        "The memorandum was signed by Minister of Culture Anna Berg and Minister of Arts Lev Orlov."
    )
    found = article_roles(extract, text)
    assert {(n, r) for n, r, _ in found} == {("Anna Berg", "attendee"), ("Lev Orlov", "attendee")}
    assert all(e.startswith("Signing of memorandum of understanding") for _, _, e in found)


def test_giving_the_keynote_address_makes_a_speaker(nlp):
    found = hits(nlp, "Next on stage was novelist Ben Adeyemi, who was giving the keynote address.")
    assert ("Ben Adeyemi", "speaker", "subject_of_verb") in found


def test_a_former_winner_is_not_an_honoree_here(nlp):
    found = hits(nlp, "She thanked the judges and previous Harbour Prize winner Helen Adair.")
    assert not any(person == "Helen Adair" and role == "honoree" for person, role, _ in found)


def test_were_also_present_makes_attendees(nlp):
    found = hits(nlp, "Ambassador Abida Rahman and writer Lev Orlov were also present.")
    assert {("Abida Rahman", "attendee", "in_attendance"), ("Lev Orlov", "attendee", "in_attendance")} <= found


def test_speeches_from_figures_including_names_make_speakers(nlp):
    text = "The ceremony featured speeches from key figures, including Mr Lev Orlov, Director of the Archive."
    assert ("Lev Orlov", "speaker", "speech_of") in hits(nlp, text)


def test_the_chair_of_a_jury_sits_on_it(nlp):
    found = hits(nlp, "The festival Jury, chaired by the Italian director Paolo Rossi, awarded four prizes.")
    assert ("Paolo Rossi", "attendee", "agent_of_passive") in found
    assert not any(person == "Paolo Rossi" and role == "moderator" for person, role, _ in found)


def test_a_nominee_for_a_category_is_not_a_winner(nlp):
    found = hits(nlp, "The jury nominated Kofi Mensah for best actor and Amani Otieno for best actress.")
    assert not any(rule == "prize_category" for _, _, rule in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway's Ambassador in Peru Kamal Haddad and Chairman of the Harbour Writers Union Lina Farah were "
        "also present.",
    ],
)
def test_every_titled_name_in_a_list_takes_part(extract, sentence):
    ex = extract(f"Selby Book Fair opens\n\nThe Selby Book Fair opened on Monday. {sentence}")
    taking_part = {ex.people[p.person_local_id].name for p in ex.participations}
    assert {"Kamal Haddad", "Lina Farah"} <= taking_part


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("The actress, Mara Kovac, received the Gold Star from the hands of her son Lev Orlov.", "Lev Orlov"),
        ("And the winner was announced by Helen Adair.", "Helen Adair"),
        ("Minutes later Jonas Weber announced the winners.", "Jonas Weber"),
        ("Jonas Weber presented the award to the young director.", "Jonas Weber"),
    ],
)
def test_the_one_who_hands_out_a_prize_presents_it(nlp, sentence, person):
    assert any(name == person and role == "presenter" for name, role, _ in hits(nlp, sentence))


def test_receiving_visitors_from_someone_presents_nothing(nlp):
    found = hits(nlp, "Mara Kovac received a delegation from Lev Orlov's ministry.")
    assert not any(role == "presenter" for _, role, _ in found)


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("The jury gave its prize for two films, namely Silver Bay by Ines Moreau and Red Sky.", "Ines Moreau"),
        ('"Harbour Lights", a collaboration between Kofi Mensah and Ama Owusu, won song of the year.', "Ama Owusu"),
    ],
)
def test_the_maker_of_a_winning_work_is_an_honoree(nlp, sentence, person):
    assert (person, "honoree", "credited_work") in hits(nlp, sentence)


def test_the_maker_of_a_film_an_actor_won_for_is_not_an_honoree(nlp):
    found = hits(nlp, "The best actress prize went to Mara Kovac for her role in Silver Bay by Pavel Rusu.")
    assert not any(name == "Pavel Rusu" for name, _, _ in found)


def test_by_after_an_active_verb_is_no_agent(nlp):
    text = "The ambassador inaugurated the exhibition displaying paintings by the artist Pavel Rusu."
    assert not any(name == "Pavel Rusu" for name, _, _ in hits(nlp, text))


def test_a_pronoun_in_a_relative_clause_refers_to_no_one_named(nlp):
    text = "The event was attended by Ilse Berg. The play showed how an artist is shaped by the roles he plays."
    assert not any(rule == "pronoun_subject" for _, _, rule in hits(nlp, text))


def test_the_winner_of_another_prize_is_not_an_honoree_here(nlp):
    found = hits(nlp, "Next on stage was Booker Prize winner Ben Adeyemi, who gave the keynote address.")
    assert not any(name == "Ben Adeyemi" and role == "honoree" for name, role, _ in found)


def test_who_leads_a_training_trains(extract):
    text = "A two-week training course for curators was held in Selby. The course was led by Mara Kovac."
    ex = extract(text, "2024-05-12")
    assert {(ex.people[p.person_local_id].name, p.role) for p in ex.participations} == {("Mara Kovac", "trainer")}


def test_a_reception_is_an_event_where_the_host_speaks_and_a_singer_performs(extract):
    text = (
        "The Embassy of Selby hosted a reception on Thursday to mark Selby Culture Day. "
        "Ambassador Mara Kovac addressed the guests, and singer Lev Orlov performed traditional songs."
    )
    ex = extract(text, "2024-05-12")
    assert [(e.name, e.type) for e in ex.events.values()] == [("Reception", "ceremony")]
    roles = {(ex.people[p.person_local_id].name, p.role) for p in ex.participations}
    assert roles == {("Mara Kovac", "speaker"), ("Lev Orlov", "performer")}


def test_the_people_leading_a_delegation_are_attendees(extract):
    text = (
        "The Harbour Arts Festival opened in Selby on Friday. The Norland delegation is led by the Minister for "
        "Culture, Mara Kovac and the chief Lev Orlov."
    )
    ex = extract(text, "2024-05-12")
    roles = {(ex.people[p.person_local_id].name, p.role) for p in ex.participations}
    assert ("Mara Kovac", "attendee") in roles
    assert not any(role == "moderator" for _, role in roles)


def test_a_moderator_who_speaks_is_the_moderator(extract):
    text = (
        "The Harbour Forum opened in Selby on Monday. The panel on museums was moderated by Mara Kovac. "
        "Kovac said that museums need new audiences."
    )
    ex = extract(text, "2024-05-12")
    assert {p.role for p in ex.participations if ex.people[p.person_local_id].name == "Mara Kovac"} == {"moderator"}


def test_who_started_another_event_named_in_the_sentence_is_not_at_this_one(nlp):
    doc = nlp("He said that the exhibition initiated by Mara Kovac became a success.")
    people = [Ref(p.start, p.end, p.name) for p in find_people(doc)]
    types = {s.start: "panel" for s in doc.sents}
    assert find_roles(doc, people, types) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Jazz Festival opened in Selby on Friday. Other local artists that performed were "
        "Afro-fusion singer Mara Kovac, jazz musician Lev Orlov and saxophonist Ines Moreau.",
        "The Harbour Jazz Festival opened in Selby on Friday. On the occasion, artistes Mara Kovac, Lev Orlov "
        "and Ines Moreau delighted the participants with their musical performances.",
    ],
)
def test_performers_named_by_their_trade_or_a_clause_perform(extract, text):
    ex = extract(text, "2024-05-12")
    roles = {(ex.people[p.person_local_id].name, p.role) for p in ex.participations}
    assert {("Mara Kovac", "performer"), ("Lev Orlov", "performer")} <= roles


def test_a_singer_who_speaks_at_a_forum_is_not_made_a_performer(extract):
    text = "The Harbour Forum opened in Selby on Friday. Singer Mara Kovac said that artists need support."
    ex = extract(text, "2024-05-12")
    assert {p.role for p in ex.participations} == {"speaker"}
