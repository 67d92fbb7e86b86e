"""The benchmark corpus generator: deterministic, the requested size, names swapped and recurring."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from benchmarks.make_corpus import (
    LAST_NAMES,
    Template,
    _zipf_weights,
    load_templates,
    make_corpus,
    make_pools,
    rewrite,
    write_corpus,
)


@pytest.fixture(scope="module")
def templates() -> list[Template]:
    """The annotated articles the generator starts from."""
    return load_templates()


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str]]:
    """A 300-article corpus, made once for the module."""
    return list(make_corpus(300, seed=3))


def test_same_size_and_seed_give_the_same_files(corpus: list[tuple[str, str]]) -> None:
    assert list(make_corpus(300, seed=3)) == corpus
    assert list(make_corpus(300, seed=4)) != corpus


@pytest.mark.parametrize("size", [1, 40, 300])
def test_corpus_has_the_requested_number_of_distinct_articles(size: int) -> None:
    pairs = list(make_corpus(size))
    assert len(pairs) == size
    assert len({name for name, _ in pairs}) == size
    assert len({text for _, text in pairs}) == size  # the ETL keeps one copy of a repeated text


def test_annotated_people_are_swapped_out(corpus: list[tuple[str, str]], templates: list[Template]) -> None:
    originals = {p for t in templates for p in t.people if len(p.split()) > 1}
    leftovers = {p for _, text in corpus for p in originals if p in text}
    assert not leftovers


def test_pool_names_recur_across_articles_with_a_long_tail(corpus: list[tuple[str, str]]) -> None:
    surnames = set(LAST_NAMES)
    per_name: Counter[str] = Counter()
    for _, text in corpus:
        found = set(re.findall(r"\b[A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+\b", text))
        per_name.update(name for name in found if name.split()[-1] in surnames)
    counts = sorted(per_name.values(), reverse=True)
    assert counts[0] >= 10  # the most-reported person is in many articles
    assert sum(1 for c in counts if c == 1) > len(counts) / 3  # and most names are rare


def test_years_move_together_with_the_date_line(corpus: list[tuple[str, str]], templates: list[Template]) -> None:
    shifted = 0
    for name, text in corpus[32:]:
        template = next(t for t in templates if name.split("_", 1)[1] in t.name)
        dated = re.search(r"^date (\d{4})-", template.text, re.M)
        if dated:
            new = re.search(r"^date (\d{4})-", text, re.M)
            assert new is not None
            shifted += int(new[1]) != int(dated[1])
    assert shifted > 0


def test_write_corpus_writes_text_files(tmp_path) -> None:
    assert write_corpus(12, tmp_path) == 12
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == 12 and all(f.read_text(encoding="utf-8").strip() for f in files)


def test_a_drawn_person_keeps_their_own_organisation_in_every_article() -> None:
    template = Template(
        "t.txt",
        "Ana Lund, director of the Harbour Museum, spoke.",
        ("Ana Lund",),
        ("Harbour Museum",),
        (("Ana Lund", "Harbour Museum"),),
    )
    rng = random.Random(1)
    pools = make_pools(50, rng)
    weights = {key: _zipf_weights(len(getattr(pools, key))) for key in ("people", "organizations", "countries")}
    for _ in range(30):
        text = rewrite(template, pools, weights, rng)
        person = text.split(",")[0]
        assert f"director of the {pools.employer[person]}," in text
