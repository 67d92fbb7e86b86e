"""The floor every extraction must beat: spaCy's NER alone, one event per article.

    PYTHONPATH=. python benchmarks/ner_baseline.py [--role attendee]

For each annotated set (seeds, devset, the team's own real articles, the blind holdout) it builds a database the
simplest way: people are the model's PERSON entities, organisations its ORG entities, figures its
CARDINAL/MONEY/PERCENT numbers, and each article reports one event (named by its title, dated by
its publication date) in which every person takes part with one role. It then scores that database
and the real ETL's with `etl.evaluate` and prints both, category by category, with the margin.
Issue 11 asks that the ETL is never below this baseline on any set.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from etl.evaluate import CATEGORIES, evaluate
from etl.load import build_tables, write_database
from etl.nlp import load_nlp
from etl.pipeline import build, prepare, read_all
from etl.records import Article, EventRec, Extraction, FigureRec, Mention, OrgRec, ParticipationRec, PersonRec
from etl.resolve import resolve

SETS = ("seeds", "devset", "real", "holdout")
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


def _baseline(doc: Doc, article: Article, role: str) -> Extraction:
    """What NER alone gives: PERSON, ORG and numeric entities, one event with everyone in it."""
    ex = Extraction(article)
    event = EventRec("e1", article.title or article.file_name, "other", start_date=article.published, rule="baseline")
    ex.events[event.local_id] = event
    for ent in doc.ents:
        mention = Mention("person", ent.text, ent.start_char, ent.end_char, f"p:{ent.text}")
        if ent.label_ == "PERSON" and len(ent) >= 2:
            ex.people.setdefault(mention.local_id, PersonRec(mention.local_id, ent.text))
            ex.mentions.append(mention)
        elif ent.label_ == "ORG":
            local_id = f"o:{ent.text}"
            ex.orgs.setdefault(local_id, OrgRec(local_id, ent.text))
            ex.mentions.append(Mention("organization", ent.text, ent.start_char, ent.end_char, local_id))
        elif ent.label_ in ("CARDINAL", "MONEY", "PERCENT"):
            digits = next((t.text for t in ent if _NUMBER.match(t.text)), None)
            if digits is not None:
                unit = "percent" if ent.label_ == "PERCENT" else "items"
                value = float(digits.replace(",", ""))
                ex.figures.append(
                    FigureRec(value, unit, None, ent.text, False, ent.sent.text, ent.start_char, ent.end_char)
                )
    ex.participations = [ParticipationRec("e1", p, role, "", "baseline") for p in ex.people]
    return ex


def _scores(db: Path, gold: Path) -> dict[str, float]:
    totals, _ = evaluate(db, gold)
    return {c: round(totals[c].f1, 2) for c in CATEGORIES}


def _paths(name: str) -> tuple[Path, Path]:
    if name == "seeds":
        return Path("data/articles"), Path("tests/data/gold")
    return Path(f"tests/data/{name}/articles"), Path(f"tests/data/{name}/gold")


def run(nlp: Language, role: str) -> dict[str, tuple[dict[str, float], dict[str, float]]]:
    """(baseline scores, ETL scores) for each annotated set."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in SETS:
            source, gold = _paths(name)
            articles = read_all(source)
            docs = nlp.pipe(a.body for a in articles)
            extractions = [_baseline(d, a, role) for a, d in zip(articles, docs, strict=True)]
            base_db, etl_db = Path(tmp) / f"{name}-ner.duckdb", Path(tmp) / f"{name}-etl.duckdb"
            write_database(base_db, build_tables(extractions, resolve(extractions)))
            build(source, etl_db, nlp=nlp)
            out[name] = (_scores(base_db, gold), _scores(etl_db, gold))
    return out


def main() -> None:
    """Print the baseline and the ETL side by side for the three sets."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--role", default="attendee", help="the one role the baseline gives everyone")
    args = parser.parse_args()
    nlp = prepare(load_nlp())
    for name, (base, etl) in run(nlp, args.role).items():
        print(f"\n{name}: category, NER alone, ETL, margin")
        for cat in CATEGORIES:
            flag = "  BELOW" if etl[cat] < base[cat] else ""
            print(f"  {cat:16} {base[cat]:.2f}  {etl[cat]:.2f}  {etl[cat] - base[cat]:+.2f}{flag}")


if __name__ == "__main__":
    main()
