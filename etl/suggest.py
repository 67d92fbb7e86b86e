"""Merge suggestions: people or bodies that may be the same, with a score and reasons, for an analyst to decide."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from etl.resolve import fold

COLUMNS = ["kind", "keep_id", "keep_name", "other_id", "other_name", "score", "reasons"]
_INITIAL = re.compile(r"^\w\.?$")
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "&"}
ROWS_PER_BATCH = 512  # spellings compared per cdist call: a 512 x N float32 matrix at a time


def merge_suggestions(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Pairs of people and of organisations that look alike but were not merged automatically."""
    rows = _people_pairs(tables) + _org_pairs(tables["organizations"])
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["kind", "score", "keep_name"], ascending=[True, False, True], ignore_index=True)


def _people_pairs(tables: dict[str, pd.DataFrame]) -> list[tuple]:
    people = tables["people"]
    affs = tables["affiliations"]
    orgs: dict[str, set[str]] = {}
    titles: dict[str, set[str]] = {}
    for person, org, title in zip(affs["person_id"], affs["org_id"], affs["title"], strict=True):
        if isinstance(org, str):
            orgs.setdefault(person, set()).add(org)
        if isinstance(title, str):
            titles.setdefault(person, set()).add(fold(title))
    org_names = dict(zip(tables["organizations"]["org_id"], tables["organizations"]["name"], strict=True))
    out = []
    pairs = list(zip(people["person_id"].tolist(), people["name"].tolist(), strict=True))
    for i, j in _linear_pairs([fold(name) for _, name in pairs], [orgs.get(pid, set()) for pid, _ in pairs]):
        (a_id, a), (b_id, b) = pairs[i], pairs[j]
        score, why = _likeness(a, b)
        if score == 0:
            continue
        reasons = list(why)
        shared = orgs.get(a_id, set()) & orgs.get(b_id, set())
        if shared:
            score += 0.05
            reasons.append("same organisation: " + ", ".join(sorted(org_names.get(o, o) for o in shared)))
        elif orgs.get(a_id) and orgs.get(b_id):
            score -= 0.15  # people who share a name but work elsewhere stay apart unless evidence joins them
            reasons.append("different organisations")
        if titles.get(a_id, set()) & titles.get(b_id, set()):
            score += 0.03
            reasons.append("same title")
        # keep the fuller spelling; on a tie the one with diacritics (they are the person's real name)
        keep, other = sorted([(a_id, a), (b_id, b)], key=lambda p: (-len(p[1]), p[1].isascii(), p[1]))
        out.append(("person", keep[0], keep[1], other[0], other[1], round(min(score, 0.99), 2), "; ".join(reasons)))
    return [row for row in out if row[5] >= 0.75]


def _linear_pairs(folded: list[str], orgs: list[set[str]]) -> list[tuple[int, int]]:
    """The person pairs to score: as many as there are people, not the square of the namesakes.

    A large corpus has the same name at many bodies (kept as different people until an analyst merges them), and
    suggesting every pair of k namesakes gave k(k-1)/2 rows: 55,000 at 10,000 articles, nearly all one name.
    Now each spelling's people are paired with its first (k - 1 suggestions: deciding them all decides the group),
    and for two alike spellings each person of the smaller group with one of the other: one at the same body if
    there is one (the likeliest to be the same person), else its first.
    """
    where: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(folded):
        where[name].append(i)
    spellings = list(where)
    out: set[tuple[int, int]] = set()
    for name in spellings:
        first, *rest = where[name]
        if rest and _likeness(name, name)[0] > 0:
            out |= {(first, other) for other in rest}
    for u, v in _people_candidates(spellings):
        small, large = sorted((where[spellings[u]], where[spellings[v]]), key=len)
        for person in small:
            partner = next((o for o in large if orgs[person] & orgs[o]), large[0])
            out.add((min(person, partner), max(person, partner)))
    return sorted(out)


@lru_cache(maxsize=1 << 16)  # namesakes (one name at many bodies) make many candidate pairs of the same spellings
def _likeness(a: str, b: str) -> tuple[float, tuple[str, ...]]:
    """How alike two person names are, and why: an initial form, or a close spelling."""
    ta, tb = _tokens(fold(a)), _tokens(fold(b))
    if len(ta) >= 2 and len(tb) >= 2 and ta[-1] == tb[-1] and ta[0][0] == tb[0][0]:
        (short, short_name), (_, full_name) = sorted(((ta, a), (tb, b)), key=lambda p: len(p[0][0]))
        if _INITIAL.match(short[0]):
            # the reason quotes the names as written, not their folded matching keys
            return 0.9, (f"initial '{short_name.split()[0]}' fits '{full_name.split()[0]}', same surname",)
    ratio = fuzz.token_sort_ratio(fold(a), fold(b))
    if ratio >= 85:
        return ratio / 100 - 0.05, (f"names {ratio:.0f}% alike",)
    return 0.0, ()


def _tokens(folded: str) -> list[str]:
    """A folded name's words, with an initial's dot split off ('a.berzina' -> ['a.', 'berzina'])."""
    return [t for t in folded.replace(".", ". ").split() if t != "."]


def _close_pairs(folded: list[str], cutoff: float) -> set[tuple[int, int]]:
    """Index pairs (i < j) whose token-sorted names are at least `cutoff` % alike, compared in bulk (C++, by rows).

    Each distinct spelling is compared once, and only with the spellings after it (the score is symmetric):
    namesakes repeat a spelling many times in a large corpus, so this is far fewer comparisons than all pairs.
    """
    out: set[tuple[int, int]] = set()
    where: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(folded):
        where[name].append(i)
    distinct = list(where)
    for name in distinct:  # the same spelling twice is alike when it is alike to itself ('' may not be)
        members = where[name]
        if len(members) > 1 and fuzz.token_sort_ratio(name, name) >= cutoff:
            out |= {(a, b) for k, a in enumerate(members) for b in members[k + 1 :]}
    for start in range(0, len(distinct), ROWS_PER_BATCH):
        scores = process.cdist(
            distinct[start : start + ROWS_PER_BATCH],
            distinct[start:],
            scorer=fuzz.token_sort_ratio,
            score_cutoff=cutoff,
            dtype=np.float32,
        )
        for row, col in zip(*np.nonzero(scores), strict=True):
            u, v = start + int(row), start + int(col)
            if u < v:
                out |= {(min(a, b), max(a, b)) for a in where[distinct[u]] for b in where[distinct[v]]}
    return out


def _people_candidates(names: list[str]) -> list[tuple[int, int]]:
    """Every pair `_likeness` can score above 0, in the order the pairs of `names` come (i < j).

    Comparing each pair in Python grew with the square of the people (2 s at 100 articles, minutes at 1,000);
    the pairs that can score are found in bulk: same surname and first letter, or close spellings.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    folded = [fold(n) for n in names]
    for i, name in enumerate(folded):
        tokens = _tokens(name)
        if len(tokens) >= 2:
            groups[(tokens[-1], tokens[0][0])].append(i)
    pairs = {(a, b) for members in groups.values() for k, a in enumerate(members) for b in members[k + 1 :]}
    return sorted(pairs | _close_pairs(folded, 84))  # 84: a float32 85 may come back as 84.99...


def _org_candidates(names: list[str]) -> list[tuple[int, int]]:
    """Every pair `_org_pair` can suggest, in the order the pairs of `names` come (i < j): an acronym and a name
    with those initials, or close spellings."""
    folded = [fold(n) for n in names]
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(folded):
        by_initials["".join(w[0] for w in name.split() if w not in _SMALL_WORDS).upper()].append(i)
    pairs = set()
    for i, name in enumerate(names):
        if " " not in name and name.isupper() and len(name) >= 2:
            pairs |= {(min(i, j), max(i, j)) for j in by_initials.get(name.upper(), []) if j != i}
    return sorted(pairs | _close_pairs(folded, 87))


def _org_pairs(orgs: pd.DataFrame) -> list[tuple]:
    items = list(zip(orgs["org_id"], orgs["name"], strict=True))
    return [row for i, j in _org_candidates([n for _, n in items]) if (row := _org_pair(items[i], items[j]))]


def _org_pair(first: tuple[str, str], second: tuple[str, str]) -> tuple | None:
    """A suggestion for two organisation names (an acronym and its name, or close spellings), or None."""
    a, b = first[1], second[1]
    short, full = sorted([first, second], key=lambda p: len(p[1]))
    initials = "".join(w[0] for w in fold(full[1]).split() if w not in _SMALL_WORDS).upper()
    if " " not in short[1] and short[1].isupper() and len(short[1]) >= 2 and initials == short[1].upper():
        return ("organization", full[0], full[1], short[0], short[1], 0.9, f"'{short[1]}' = initials")
    ratio = fuzz.token_sort_ratio(fold(a), fold(b))
    if ratio >= 88:
        return (
            "organization",
            full[0],
            full[1],
            short[0],
            short[1],
            round(ratio / 100 - 0.05, 2),
            f"names {ratio:.0f}% alike",
        )
    return None


def with_status(suggestions: pd.DataFrame, decided: dict[frozenset[str], str]) -> pd.DataFrame:
    """Add each suggestion's status: 'accepted' / 'rejected' from the curation file, else 'open'."""
    out = suggestions.copy()
    out["status"] = [
        decided.get(frozenset({fold(k), fold(o)}), "open")
        for k, o in zip(out["keep_name"], out["other_name"], strict=True)
    ]
    return out
