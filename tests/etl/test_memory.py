"""Memory: the build streams parsed Docs; it never holds every article's Doc at once."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import replace

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from etl.pieces import extract_articles
from etl.pipeline import read_all
from tests.conftest import SEED_ARTICLES

pytestmark = pytest.mark.slow


def test_no_more_docs_alive_than_one_batch(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = read_all(SEED_ARTICLES)
    articles = [replace(a, article_id=f"{a.article_id}-{k}") for k in range(6) for a in seeds]  # 30 articles
    alive: weakref.WeakSet[Doc] = weakref.WeakSet()
    real_pipe = nlp.pipe

    def watched(texts: Iterable[str], **kwargs: object) -> Iterator[Doc]:
        for doc in real_pipe(texts, **kwargs):  # type: ignore[arg-type]
            alive.add(doc)
            yield doc

    monkeypatch.setattr(nlp, "pipe", watched)
    peak, kept = 0, []
    for extraction in extract_articles(articles, nlp, batch_size=4):
        kept.append(extraction)  # the extractions are kept, as the build keeps them
        gc.collect()
        peak = max(peak, len(alive))
    assert len(kept) == len(articles)
    assert 1 <= peak <= 8  # a batch being parsed and the one being read, not 30 (and the watch saw them)
