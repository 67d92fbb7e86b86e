"""Time to add one article to a built corpus, against a baseline measured in the same run.

    PYTHONPATH=. python benchmarks/bench_incremental.py [--sizes 100,1000] [--work DIR]

For each size N, a corpus of N articles is made from the shipped articles (seeds, devset, real, unseen) by
copying them with their people's names swapped for made-up ones, so every copy has its own content hash and
its own people. The corpus is built once (every article parsed), then one new article is added and the build
run again: only that article is parsed, resolution, suggestions, curation and loading run over all N + 1.
The baseline is a fresh build of that one article alone (parse + extract + load), in the same process.
Pass `--sizes 100,1000,10000` for the 10,000 figure (its first build takes a long while).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spacy.language import Language

import etl.pipeline as pipeline
from etl.cache import Cache
from etl.nlp import load_nlp
from etl.reader import read_article

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "data" / "articles",
    *(ROOT / "tests" / "data" / d / "articles" for d in ("devset", "real", "unseen")),
]
GIVEN = ["Amina", "Leyla", "Rashad", "Farid", "Nargiz", "Elnur", "Sabina", "Murad", "Aysel", "Tural", "Kamala"]
SYLLABLES = ["ka", "ra", "mu", "se", "ta", "lo", "ni", "ve", "zu", "ha", "be", "do", "gi", "pe"]
ENDINGS = ["li", "ov", "ova", "yev", "zade", "ski", "nen", "escu"]


def made_up_name(rng: random.Random) -> str:
    """A person's name unlike any other in the corpus (about 130,000 surnames to draw from)."""
    surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS)
    return f"{rng.choice(GIVEN)} {surname.capitalize()}"


def templates(nlp: Language) -> list[tuple[str, str, list[str]]]:
    """(file name, text, people named in it) for every shipped article."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            people = sorted(
                {e.text for e in nlp(read_article(path).body).ents if e.label_ == "PERSON" and " " in e.text}
            )
            out.append((path.stem, text, people))
    return out


def variant(template: tuple[str, str, list[str]], k: int) -> tuple[str, str]:
    """Copy k of a template: each person renamed (consistently within the copy), so the content differs."""
    stem, text, people = template
    rng = random.Random(f"{stem}:{k}")
    for name in sorted(people, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", made_up_name(rng), text)
    # an article naming nobody still differs from its other copies by its last line
    return f"{stem}-{k:05d}.txt", f"{text.rstrip()}\n\n(Benchmark copy {k}.)\n"


def make_corpus(folder: Path, size: int, kinds: list[tuple[str, str, list[str]]]) -> None:
    """N article files in `folder`."""
    folder.mkdir(parents=True)
    for i in range(size):
        name, text = variant(kinds[i % len(kinds)], i // len(kinds) + 1)
        (folder / name).write_text(text, encoding="utf-8")


@contextmanager
def timed_steps() -> Iterator[dict[str, float]]:
    """Seconds spent in each step of `pipeline.build`, by wrapping the functions it calls."""
    spent: dict[str, float] = defaultdict(float)
    names = ["read_all", "resolve", "build_tables", "merge_suggestions", "apply_curation", "write_database"]
    originals: dict[str, Any] = {n: getattr(pipeline, n) for n in names}
    original_extract = Cache.extract

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t0

        return run

    for name, fn in originals.items():
        setattr(pipeline, name, wrap(name, fn))
    Cache.extract = wrap("extract (parse new only)", original_extract)  # type: ignore[method-assign]
    try:
        yield spent
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
        Cache.extract = original_extract  # type: ignore[method-assign]


def main() -> None:
    """Build corpora of the given sizes, add one article to each, print the times."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (e.g. 100,1000,10000)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the corpora (default: a temp folder)")
    args = parser.parse_args()
    nlp = pipeline.prepare(load_nlp())
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-incremental-"))
    kinds = templates(nlp)
    new_name, new_text = variant(kinds[0], 99_999)

    alone = work / "alone"
    (alone / "articles").mkdir(parents=True, exist_ok=True)
    (alone / "articles" / new_name).write_text(new_text, encoding="utf-8")
    shutil.rmtree(alone / ".cache", ignore_errors=True)
    t0 = time.perf_counter()
    pipeline.build(alone / "articles", alone / "culture.duckdb", nlp=nlp, curation=alone / "none.yaml")
    baseline = time.perf_counter() - t0
    print(f"baseline: a fresh build of one article alone: {baseline:.2f} s")

    for size in (int(s) for s in args.sizes.split(",")):
        here = work / f"n{size}"
        shutil.rmtree(here, ignore_errors=True)
        make_corpus(here / "articles", size, kinds)
        db, curation = here / "culture.duckdb", here / "none.yaml"
        t0 = time.perf_counter()
        pipeline.build(here / "articles", db, nlp=nlp, curation=curation)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        pipeline.build(here / "articles", db, nlp=nlp, curation=curation)
        again = time.perf_counter() - t0
        (here / "articles" / new_name).write_text(new_text, encoding="utf-8")
        with timed_steps() as spent:
            t0 = time.perf_counter()
            result = pipeline.build(here / "articles", db, nlp=nlp, curation=curation)
            added = time.perf_counter() - t0
        steps = ", ".join(f"{k} {v:.2f}" for k, v in sorted(spent.items(), key=lambda kv: -kv[1]))
        print(
            f"N={size}: first build {first:.1f} s; rebuild with nothing new {again:.2f} s; "
            f"add one article {added:.2f} s = {added / baseline:.1f} x baseline "
            f"({result.articles} articles, {result.people} people)"
        )
        print(f"  steps (s): {steps}")


if __name__ == "__main__":
    main()
