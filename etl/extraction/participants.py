"""Who took part, and how, from the grammar of the sentence: spaCy DependencyMatcher rules over the parse.

Each rule is named (the name is stored with the participation, so an analyst sees why a record exists):

- `subject_of_verb`: the subject of a verb of a class in roles.yaml ("X sang", "..., said X", "X, Y and
  Z performed", "X arrived and addressed the guests"); a verb with a prize or stage as its object gives
  honoree/performer ("X received the award", "X took the stage").
- `agent_of_passive`: "was opened by X", "was attended by X and Y", "organised by X".
- `recipient`: "the prize was awarded to X", "presented the medal to X".
- `honoured_subject`: "X was awarded ...", "X was named the winner".
- `lineup`: the object of "featured", "included" when an event is the subject: its role by event type.
- `speech_of`: "the speech of X", "X's address", "remarks by X", "speeches from key figures, including X".
- `in_attendance`: "in attendance were X and Y", "X and Y were also present".
- `role_noun`: a noun naming the role next to the name: "hosts X and Y", "one of the judges, X",
  "the winners were X and Y", "curator X".
- `pronoun_subject`: "he said", "she added": the person named last before the pronoun.
- `prize_category`: "..., Ghana's X for best reggae, and Y for best jazz" in a sentence of winners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from etl.extraction.credits import credited_work_slots
from etl.extraction.lexicon import EVENT_HEADS
from etl.extraction.rare_roles import rare_word_roles
from etl.extraction.role_lists import ListHit, credit_lines, listed_after_cue, listed_with, on_instrument
from etl.extraction.role_patterns import matcher_for
from etl.extraction.spans import sentences
from etl.extraction.words import RoleWords, role_words

BY_EVENT = "by_event"  # a verb class whose role is the event type's (roles.yaml)
# Dependencies that keep a token in the same noun phrase as the slot: lists, appositions, name parts.
_SAME_PHRASE = frozenset({"conj", "appos", "compound", "nmod", "flat", "amod"})
_PRONOUNS = frozenset({"he", "she"})
_PRONOUN_REACH = 3
_TITLE_LINKS = frozenset({"prep", "pobj", "compound", "amod", "det", "nmod", "cc", "conj"})
_SPEAKING_ROLES = frozenset(
    {"presenter", "trainer", "moderator"}
)  # roles that already say the person spoke  # sentences back a pronoun may point


class PersonLike(Protocol):
    """A person named at tokens [start, end) (etl.extraction.events.PersonRef fits)."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class RoleHit:
    """A person (index into the people list) given a role by a named rule at token `at`."""

    person: int
    role: str
    rule: str
    at: int


def phrase_members(slot: Token) -> list[Token]:
    """The slot and the tokens in the same noun phrase: list items, appositions, name parts."""
    out, todo = [], [slot]
    titled: set[int] = set()  # nouns inside an apposed title's 'of' phrase ("X, chairwoman of the Y Foundation")
    while todo:
        tok = todo.pop()
        out.append(tok)
        # the body inside a title does not list people where the verb lacks a subject: in "A, chairwoman of the
        # Y Foundation, B, an expert, noted" the parse hangs B, the subject of "noted", on the Foundation
        follow = _SAME_PHRASE - {"conj", "appos"} if tok.i in titled and _subjectless(tok) else _SAME_PHRASE
        todo.extend(c for c in tok.children if c.dep_ in follow)
        # "one of the judges, X": the noun inside 'one of'
        if tok.lower_ in ("one", "among"):
            todo.extend(p for c in tok.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
        elif tok.dep_ == "appos" and tok.lemma_.lower() not in _KIN:
            inner = [p for c in tok.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            titled.update(p.i for p in inner)
            todo.extend(inner)
        # "key figures, including X and Y": the names the phrase lists
        todo.extend(p for c in tok.children if c.lower_ in _LISTING for p in c.children if p.dep_ == "pobj")
    return out


def _subjectless(tok: Token) -> bool:
    """Whether the sentence's main verb has no subject: then a name the parse hung inside a phrase is it."""
    root = tok.sent.root
    return root.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


_LISTING = frozenset({"including", "like", "notably"})
# "X, wife of Y": the person named after 'of' says who X is and does not act with X.
_KIN = frozenset({"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow", "child"})
_PRIZE_WORDS = frozenset({"prize", "award", "awards", "medal", "trophy", "cup"})
_EARLIER = frozenset({"previous", "former", "past", "ex", "one-time", "erstwhile"})


def _earlier_before(noun: Token) -> bool:
    """'previous Harbour Prize winner': the parse may hang 'previous' on the name; read the words before the noun."""
    i = noun.i - 1
    while i >= max(0, noun.i - 5) and not (noun.doc[i].is_punct or noun.doc[i].pos_ in ("CCONJ", "DET", "VERB")):
        if noun.doc[i].lower_ in _EARLIER:
            return True
        i -= 1
    return False


def _noun_role(tokens: Sequence[Token], words: RoleWords) -> str | None:
    for tok in tokens:
        if any(t.lower_ in _EARLIER for t in tok.subtree if t.i < tok.i) or _earlier_before(tok):
            continue  # "previous Caine Prize winner X": a title from another year, not a role here
        role = words.role_nouns.get(tok.lower_) or words.role_nouns.get(tok.lemma_.lower())
        if role:
            return role
    return None


def winning_sentence(sent: Span, words: RoleWords) -> bool:
    """Whether a verb of the sentence makes its subject a winner ('won', 'took home the award')."""
    return any(t.pos_ == "VERB" and verb_role(t, words) == "honoree" for t in sent)


def prize_category_slots(doc: Doc, words: RoleWords) -> list[Token]:
    """Names paired with a prize category in a sentence of winners: '..., Ghana's X for best reggae'.

    Walked up from the rare word 'best' (a DependencyMatcher pattern would match every proper noun and every
    prepositional object of the doc first): best <amod- category <pobj- for <prep- name, or the name in
    apposition right before 'for' when the parse hangs 'for' on the word before the name.
    """
    slots = []
    for best in doc:
        if best.lower_ not in ("best", "top") or best.dep_ != "amod":
            continue
        category, prep = best.head, best.head.head
        if category.dep_ != "pobj" or prep.lower_ != "for":
            continue
        before = doc[prep.i - 1] if prep.i > 0 else None
        if prep.head.pos_ == "PROPN":
            slot = prep.head
        elif before is not None and before.dep_ == "appos" and before.pos_ == "PROPN" and before.head == prep.head:
            slot = before
        else:
            continue
        if winning_sentence(slot.sent, words):
            slots.append(slot)
    return slots


def verb_role(verb: Token, words: RoleWords) -> str | None:
    """The role a verb gives its subject: by its object ('received the award') or its class ('sang')."""
    lemma = verb.lemma_.lower()
    if not any(lemma in verbs for verbs, _ in words.object_verbs.values()):
        return words.subject_verbs.get(lemma)  # no object can change this verb's role
    objects = {c.lower_ for c in verb.children if c.dep_ in ("dobj", "attr", "prt", "npadvmod", "advmod")}
    objects |= {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")}
    # "took home album of the year": the parse may hang "home" on the object as a compound
    objects |= {g.lower_ for c in verb.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "compound"}
    for role, (verbs, nouns) in words.object_verbs.items():
        if verb.lemma_.lower() in verbs and objects & nouns:
            return role
    return words.subject_verbs.get(verb.lemma_.lower())


def _another_event(noun: Token, sentence_type: str | None) -> bool:
    """Whether the noun names an event of another kind than the one the sentence is about."""
    kind = EVENT_HEADS.get(noun.lower_) or EVENT_HEADS.get(noun.lemma_.lower())
    return kind is not None and sentence_type is not None and kind != sentence_type


def _gives_a_prize(verb: Token, words: RoleWords) -> bool:
    """'the award was presented by X', 'the winner was announced by X': the agent hands out a prize."""
    verbs, objects = words.object_verbs["presenter"]
    winners = {w for w, role in words.role_nouns.items() if role == "honoree"}
    return verb.lemma_.lower() in verbs and any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in objects | winners for c in verb.children
    )


class _Finder:
    def __init__(
        self,
        doc: Doc,
        people: Sequence[PersonLike],
        words: RoleWords,
        event_types: dict[int, str],
        event_words: frozenset[str] = frozenset(),
    ):
        self.doc = doc
        self.event_words = event_words  # lower-case words of the story's event names
        self.people = people
        self.words = words
        self.event_types = event_types  # sentence start -> type of the event in focus
        self.owner: dict[int, int] = {}
        for index, person in enumerate(people):
            for i in range(person.start, person.end):
                self.owner[i] = index
        self.hits: list[RoleHit] = []
        self.sents = list(sentences(doc))
        self.sent_start = [0] * len(doc)  # token -> start of its sentence, computed once
        for sent in self.sents:
            for i in range(sent.start, sent.end):
                self.sent_start[i] = sent.start

    def persons_in(self, slot: Token) -> list[int]:
        found = []
        for tok in phrase_members(slot):
            index = self.owner.get(tok.i)
            if index is None and tok.i != slot.i and tok.dep_ == "conj":
                # "accompanied by A, Secretary General Assistant for X B, and C": a listed title ending on a name
                index = self._name_after_title(tok)
            if index is not None and index not in found:
                found.append(index)
        if not found and (titled := self._name_after_title(slot)) is not None:
            found.append(titled)
        return found

    def _name_after_title(self, slot: Token) -> int | None:
        """'Ambassador to Kazakhstan Michael Gifford said': the parse makes the title the subject and hangs
        the name inside its 'to/of' phrase; the name that closes the title's phrase is the subject."""
        if slot.pos_ not in ("NOUN", "PROPN"):
            return None
        edge = slot.right_edge.i
        while edge > slot.i and self.doc[edge].is_punct:
            edge -= 1  # "the Director of the X House, NAME, praised": the comma closing the apposition
        for index, person in enumerate(self.people):
            if person.end - 1 != edge or not slot.i < person.start:
                continue
            name_head = self.doc[person.end - 1]
            others_between = any(t.i in self.owner for t in self.doc[slot.i : person.start])
            if name_head.dep_ == "appos" and slot.i <= name_head.head.i < person.start and not others_between:
                return index  # the name in apposition to the title phrase
            between = self.doc[slot.i + 1 : person.start]
            if all(t.dep_ in _TITLE_LINKS or t.pos_ in ("PROPN", "ADJ", "DET", "ADP") for t in between) and not any(
                t.text in (",", ";", "(") or t.i in self.owner for t in between
            ):
                return index
        return None

    def add(self, slot: Token, role: str | None, rule: str) -> None:
        if not role:
            return
        for index in self.persons_in(slot):
            self.hits.append(RoleHit(index, role, rule, slot.i))

    def pronoun(self, slot: Token, role: str) -> None:
        """'..., he said': the subject of the last sentence that names someone (a few sentences back at most)."""
        sents = [s for s in self.sents if s.start <= slot.i][-_PRONOUN_REACH - 1 :]
        for sent in reversed(sents):
            named = [
                i
                for i, p in enumerate(self.people)
                if sent.start <= p.start
                and p.end <= slot.i < sent.end
                or (sent.start <= p.start and p.end <= sent.end and sent.end <= slot.i)
            ]
            if not named:
                continue
            subjects = [i for i in named if self._is_subject(self.people[i])]
            self.hits.append(RoleHit((subjects or named)[0], role, "pronoun_subject", slot.i))
            return

    def _is_subject(self, person: PersonLike) -> bool:
        """Whether the name is its clause's subject, directly or as an apposition of it."""
        tok = next((t for t in self.doc[person.start : person.end] if not person.start <= t.head.i < person.end), None)
        steps = 0
        while tok is not None and steps < 4:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return True
            if tok.dep_ not in ("appos", "conj", "compound"):
                return False
            tok, steps = tok.head, steps + 1
        return False

    def run(self) -> list[RoleHit]:
        matcher, nodes = matcher_for(self.doc.vocab, self.words)
        w = self.words
        for match_id, token_ids in matcher(self.doc):
            key = self.doc.vocab.strings[match_id]
            rule = key.split("#")[0]
            by_name = dict(zip(nodes[key], token_ids, strict=True))
            slot = self.doc[by_name.get("slot", token_ids[-1])]
            if rule == "subject_of_verb":
                verb = self.doc[by_name["verb"]]
                own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                if verb.dep_ == "conj" and own_subject and slot.head.i != verb.i:
                    continue  # the second verb has a subject of its own: the first verb's is not its
                role = verb_role(verb, w)
                if slot.lower_ in _PRONOUNS and role:
                    if verb.dep_ != "relcl":  # "the roles he plays": a description, not a report
                        self.pronoun(slot, role)
                elif slot.lower_ == "who" and slot.head.dep_ == "relcl":
                    self.add(slot.head.head, role, rule)  # "X, who explained ...": X
                else:
                    self.add(slot, role, rule)
            elif rule == "agent_of_passive":
                verb = self.doc[by_name["verb"]]
                if any(c.dep_ == "dobj" for c in verb.children) or _gives_a_prize(verb, w):
                    continue  # "inaugurated the exhibition by X": active; "the award was presented by X": giver
                role = w.agent_verbs.get(verb.lemma_.lower())
                if role == "moderator" and self.event_types.get(self.sent_start[slot.i]) == "training":
                    role = "trainer"  # "the course was led by X": who leads a training trains
                led = [c for c in verb.children if c.dep_ == "nsubjpass"] + ([verb.head] if verb.dep_ == "acl" else [])
                if role == "moderator" and any(t.lemma_.lower() == "delegation" for t in led):
                    role = "attendee"  # "the delegation is led by X": X is one of the delegation
                if role == BY_EVENT:
                    role = w.lineup_roles.get(self.event_types.get(self.sent_start[slot.i], "other"))
                if verb.dep_ == "acl" and _another_event(verb.head, self.event_types.get(self.sent_start[slot.i])):
                    continue  # "(he said that) the exhibition initiated by X": X made that exhibition, not this panel
                if verb.dep_ == "acl" and (group_role := _noun_role([verb.head], w)) is not None:
                    role = group_role  # "the Jury, chaired by X": X sits on the jury (attendee by the schema)
                self.add(slot, role, rule)
            elif rule == "giver":
                if "given" not in by_name and verb_role(self.doc[by_name["verb"]], w) != "honoree":
                    continue  # "received a delegation from X": nothing was given
                if slot.lemma_ == "hand":  # "from the hands of X"
                    slot = next((p for c in slot.children if c.lower_ == "of" for p in c.children), slot)
                self.add(slot, "presenter", rule)
            elif rule in ("recipient", "honoured_subject"):
                self.add(slot, "honoree", rule)
            elif rule == "lineup":
                subject = next((c for c in self.doc[by_name["verb"]].children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.i not in self.owner:
                    sent_type = self.event_types.get(self.sent_start[slot.i], "other")
                    self.add(slot, w.lineup_roles.get(sent_type), rule)
            elif rule == "speech_of":
                self.add(slot, "speaker", rule)
            elif rule == "in_attendance":
                self.add(slot, "attendee", rule)
            elif rule == "copula_role":
                noun = self.doc[by_name["noun"]]
                role = _noun_role(phrase_members(noun), w)
                if role is None:  # "other local artists that performed were X, Y and Z": the clause says it
                    role = next((verb_role(c, w) for c in noun.children if c.dep_ == "relcl"), None)
                self.add(slot, role, rule)
        for hit in rare_word_roles(self.doc, w):
            role = hit.role
            if hit.noun is not None:  # "X and Y were among the winners", "... among the artists who performed"
                role = _noun_role(phrase_members(hit.noun), w) or next(
                    (verb_role(c, w) for c in hit.noun.children if c.dep_ == "relcl"), None
                )
            self.add(hit.slot, role, hit.rule)
        self._prize_categories()
        for slot in credited_work_slots(self.doc, w):
            self.add(slot, "honoree", "credited_work")
        self._lists()
        for index, person in enumerate(self.people):
            self._role_noun(index, person)
        return self._without_speech_beside_role_nouns()

    def _lists(self) -> None:
        """Roles read from lists of names (etl/extraction/role_lists.py)."""
        w = self.words
        found = listed_after_cue(self.doc, self.people, self.sents, w)
        found += credit_lines(self.doc, self.people, self.sents, w)
        found += on_instrument(self.doc, self.people, w)
        hits = [ListHit(h.person, h.role, h.rule, h.at) for h in self.hits] + found
        found += listed_with(self.doc, self.people, self.sents, hits)
        self.hits.extend(RoleHit(h.person, h.role, h.rule, h.at) for h in found)

    def _prize_categories(self) -> None:
        """`prize_category`: '..., Ghana's X for best reggae, and Y for best jazz' in a sentence of winners."""
        for slot in prize_category_slots(self.doc, self.words):
            self.add(slot, "honoree", "prize_category")

    def _without_speech_beside_role_nouns(self) -> list[RoleHit]:
        """'claimed hosts X and Y', 'the trainer X presented': the role noun says more than the speech verb."""
        named = {
            (h.person, self.sent_start[h.at]) for h in self.hits if h.rule == "role_noun" and h.role in _SPEAKING_ROLES
        }
        return [
            h
            for h in self.hits
            if not (h.role == "speaker" and h.rule != "speech_of" and (h.person, self.sent_start[h.at]) in named)
        ]

    def _role_noun(self, index: int, person: PersonLike) -> None:
        """'hosts X and Y', 'curator X', 'X, one of the judges': a role noun in the name's own phrase."""
        root = next((t for t in self.doc[person.start : person.end] if not person.start <= t.head.i < person.end), None)
        if root is None:
            return
        near = [c for c in root.children if c.dep_ in ("compound", "nmod", "appos") and c.i not in self.owner]
        head = root
        while head.dep_ in ("conj", "appos") and head.head is not head:
            head = head.head
            if head.i not in self.owner:
                near.append(head)
            near.extend(c for c in head.children if c.dep_ in ("compound", "nmod") and c.i not in self.owner)
        members = [m for t in near for m in phrase_members(t) if m.i not in self.owner]
        # "the other finalist, X": a role noun right before the name, across a comma
        before = [t for t in self.doc[max(0, person.start - 3) : person.start] if t.text != ","]
        if before and self.doc[person.start - 1].text == "," and before[-1].pos_ == "NOUN":
            members.append(before[-1])
        members = [m for m in members if not self._another_prize(m)]
        role = _noun_role(members, self.words)
        if role:
            self.hits.append(RoleHit(index, role, "role_noun", person.start))

    def _another_prize(self, noun: Token) -> bool:
        """'Nobel Prize winner X', 'Booker Prize laureate X': a title from a prize none of the story's events
        is named after, so it says what X won once, not what X did here."""
        named = [t for t in noun.subtree if t.i < noun.i and t.pos_ == "PROPN"]
        if not any(t.lower_ in _PRIZE_WORDS for t in named):
            return False
        return not any(t.lower_ in self.event_words for t in named if t.lower_ not in _PRIZE_WORDS)


def find_roles(
    doc: Doc,
    people: Sequence[PersonLike],
    event_types: dict[int, str] | None = None,
    words: RoleWords | None = None,
    event_words: frozenset[str] = frozenset(),
) -> list[RoleHit]:
    """Every (person, role) the grammar of the doc states, with the rule that found it;
    `event_words`: the lower-case words of the story's event names."""
    return _Finder(doc, people, words or role_words(), event_types or {}, event_words).run()
