"""A synthetic news corpus for scale benchmarks: real articles with their people, bodies, places and dates swapped.

    python benchmarks/make_corpus.py --size 1000 --out /tmp/corpus1000 [--seed 7]

Each generated article is one of the annotated real articles (the shipped seeds, the devset and the team's
own real set) with every annotated person, organisation and country replaced by one drawn from a pool, and
its years moved by a few years. Draws follow a Zipf law over pools that grow with the corpus, so a few
names recur in many articles and most in a handful, as in news. The same size and seed give the same files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (article folder, gold folder): every article with a gold file is a template.
TEMPLATE_SETS = (
    (ROOT / "data" / "articles", ROOT / "tests" / "data" / "gold"),
    (ROOT / "tests" / "data" / "devset" / "articles", ROOT / "tests" / "data" / "devset" / "gold"),
    (ROOT / "tests" / "data" / "real" / "articles", ROOT / "tests" / "data" / "real" / "gold"),
)


def _words(text: str) -> list[str]:
    """A word list written as running text (one long string reads better than a 100-item literal)."""
    return text.split()


FIRST_NAMES = _words("""Amina Bakhtiyor Carmen Dmitri Elif Farid Gulnara Hiroshi Ines Jamal Katarzyna Lars Mariam Nodir
Olufemi Priya Quentin Rashida Sergei Tamara Umar Valentina Wei Ximena Yusuf Zarina Ahmed Beatriz Chidi Daniela
Emre Fatima Giorgi Hana Ibrahim Julia Kwame Leila Mateo Nadia Oksana Pablo Rustam Sofia Tomasz Aigerim Bruno
Camille Davron Esther Felix Gabriela Hamid Irina Jonas Kemal Lucia Marco Nilufar Omar Paulina Rafael Saida Timur
Ulla Viktor Yasmin Zoltan Adebayo Bianca Cyrus Dilnoza Erik Flora Gustavo Helena Ilya Jasmine Karim Lina Mehmet
Noura Oscar Petra Ravshan Selin Teodor Aliya Boris Clara Dario Eva Farrukh Greta Hugo Ingrid Javier""")
LAST_NAMES = _words("""Abdullaev Moreau Okafor Petrov Yilmaz Haddad Karimova Tanaka Silva Mensah Kowalski Lindqvist
Rahmani Tursunov Adeyemi Sharma Dubois Nazarova Volkov Gasparyan Rashidov Rossi Chen Herrera Demir Saidova
Osei Fernandes Novak Bergstrom Alieva Mukhamedov Achebe Iyer Laurent Ismoilova Sokolov Hovhannisyan Qodirov
Bianchi Zhang Castillo Kaya Yusupova Boateng Pereira Horvath Nielsen Hasanova Ergashev Eze Kapoor Girard
Umarova Orlov Sargsyan Nurmatov Conti Liu Vargas Aydin Tadjibaeva Asante Costa Varga Johansson Mammadova
Kholmatov Nwosu Menon Fontaine Rakhimova Kuznetsov Grigoryan Alimov Romano Wang Mendoza Celik Safarova Owusu
Almeida Szabo Larsen Guliyeva Sultanov Obi Reddy Lefebvre Mirzaeva Popov Petrosyan Jurayev Ricci Huang Ortega
Ozturk Valieva Darko Ribeiro Kovacs Eriksen Aliyeva Yuldashev Nnamdi Nair Mercier Khodjaeva Lebedev Avetisyan""")
PLACES = _words("""Tashkent Lyon Accra Kazan Izmir Porto Gdansk Bergen Almaty Mysore Cordoba Tbilisi Samarkand Ghent
Kumasi
Bologna Nagoya Valparaiso Yerevan Lagos Tartu Salzburg Fez Bukhara Cusco Krakow Seville Tampere Mombasa Hue
Baku Dresden Antalya Kyoto Nantes Brno Osaka Cluj Quito Bursa Kochi Malmo Bilbao Riga Zanzibar Mendoza""")
COUNTRIES = _words("""Uzbekistan Kazakhstan Azerbaijan Belarus Turkey Russia China Japan Egypt Ethiopia Ghana Nigeria
Kenya India Pakistan Bangladesh Morocco Tunisia France Germany Italy Spain Portugal Ireland Poland Austria Norway
Sweden Finland Denmark Brazil Argentina Chile Mexico Peru Colombia Indonesia Vietnam Malaysia Georgia Armenia
Kyrgyzstan Tajikistan Turkmenistan Mongolia Iran Syria Kuwait Oman Qatar Jordan Lebanon Senegal Uganda Zambia
Canada Australia Greece Hungary Romania Serbia Croatia Slovakia Latvia Lithuania Estonia""")
ORG_PATTERNS = (
    "{place} Museum of Modern Art",
    "{place} Philharmonic Orchestra",
    "{place} Arts Council",
    "{place} International Film Festival",
    "{place} State Conservatory",
    "National Library of {country}",
    "{country} National Museum",
    "Ministry of Culture of {country}",
    "{place} Heritage Foundation",
    "{last} Foundation",
    "{place} Academy of Fine Arts",
    "{place} Chamber Theatre",
    "{country} Creative Industries Agency",
    "University of {place}",
    "{place} Institute of Archaeology",
    "{place} Book Fair",
    "{country} Union of Composers",
    "{place} Centre for Contemporary Culture",
)
ZIPF = 1.1  # the exponent of the draw: names at rank r are drawn ~ 1 / r**ZIPF
_COUNTRY = re.compile(r"\b(?:" + "|".join(COUNTRIES) + r")\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")


@dataclass(frozen=True)
class Template:
    """One annotated article: its file name, text, and the names the gold file says it mentions."""

    name: str
    text: str
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    employers: tuple[tuple[str, str], ...] = ()  # (person, organisation) pairs the gold file states


@dataclass(frozen=True)
class Pools:
    """Names to draw from, each list in rank order (the first is drawn most often)."""

    people: list[str]
    organizations: list[str]
    countries: list[str]
    employer: dict[str, str]  # a person's own organisation: people keep theirs from article to article


def load_templates(sets: Sequence[tuple[Path, Path]] = TEMPLATE_SETS) -> list[Template]:
    """Every article that has a gold file, with the gold's people (and their aliases) and organisations."""
    out = []
    for articles, gold in sets:
        for gold_file in sorted(gold.glob("*.json")):
            answer = json.loads(gold_file.read_text(encoding="utf-8"))
            article = articles / answer.get("article", gold_file.stem + ".txt")
            if not article.is_file():
                continue
            people = tuple(p["name"] for p in answer.get("people", []) if p.get("name"))
            orgs = tuple(o if isinstance(o, str) else o.get("name", "") for o in answer.get("organizations", []))
            employers = tuple((p["name"], p["organization"]) for p in answer.get("people", []) if p.get("organization"))
            text = article.read_text(encoding="utf-8")
            out.append(Template(article.name, text, people, tuple(o for o in orgs if o), employers))
    if not out:
        raise SystemExit("no annotated articles found: run from a checkout that has data/ and tests/data/")
    return out


def make_pools(size: int, rng: random.Random) -> Pools:
    """Pools sized to the corpus: about two people and one organisation per article, at least a few hundred."""
    n_people = max(300, 2 * size)
    n_orgs = max(120, size)
    people: list[str] = []
    seen: set[str] = set()
    while len(people) < n_people:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if len(seen) > 0.8 * len(FIRST_NAMES) * len(LAST_NAMES):  # past the plain pairs: add a middle initial
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice('ABDEGHKLMNRST')}. {rng.choice(LAST_NAMES)}"
        if name not in seen:
            seen.add(name)
            people.append(name)
    fills = {"place": PLACES, "country": COUNTRIES, "last": LAST_NAMES}
    every_org = sorted(
        pattern.format(**{field: value})
        for pattern in ORG_PATTERNS
        for field in fills
        if "{" + field + "}" in pattern
        for value in fills[field]
    )
    rng.shuffle(every_org)
    orgs = every_org[:n_orgs]
    countries = COUNTRIES[:]
    rng.shuffle(countries)
    org_weights = _zipf_weights(len(orgs))
    employer = {name: rng.choices(orgs, cum_weights=org_weights)[0] for name in people}
    return Pools(people, orgs, countries, employer)


def _zipf_weights(n: int) -> list[float]:
    return list(accumulate(1 / (rank**ZIPF) for rank in range(1, n + 1)))


def _draw(pool: list[str], cumulative: list[float], k: int, rng: random.Random) -> list[str]:
    """`k` different names from `pool`, drawn by rank weight."""
    chosen: list[str] = []
    while len(chosen) < min(k, len(pool)):
        name = rng.choices(pool, cum_weights=cumulative)[0]
        if name not in chosen:
            chosen.append(name)
    return chosen


def _surname(name: str) -> str:
    return name.split()[-1]


def rewrite(template: Template, pools: Pools, weights: dict[str, list[float]], rng: random.Random) -> str:
    """The template's text with its people, organisations and countries swapped and its years moved."""
    swaps: dict[str, str] = {}
    people = [p for p in template.people if p in template.text]
    for old, new in zip(people, _draw(pools.people, weights["people"], len(people), rng), strict=False):
        swaps[old] = new
        old_last, new_last = _surname(old), _surname(new)
        if len(old_last) > 2 and old_last[0].isupper() and old_last not in swaps:
            swaps[old_last] = new_last  # "Karimli said": the surname alone follows the full name
    for person, org in template.employers:  # the drawn person brings their own organisation along
        own = pools.employer.get(swaps.get(person, ""))
        if own and org in template.text and org not in swaps and own not in swaps.values():
            swaps[org] = own
    orgs = [o for o in template.organizations if o in template.text and o not in swaps]
    taken = set(swaps.values())
    fresh = [
        o for o in _draw(pools.organizations, weights["organizations"], len(orgs) + len(taken), rng) if o not in taken
    ]
    for old, new in zip(orgs, fresh, strict=False):
        swaps[old] = new
    countries = list(dict.fromkeys(_COUNTRY.findall(template.text)))
    for old, new in zip(countries, _draw(pools.countries, weights["countries"], len(countries), rng), strict=False):
        swaps.setdefault(old, new)
    text = template.text
    if swaps:  # one pass, longest first, so a replaced name is never replaced again
        alternation = "|".join(re.escape(old) for old in sorted(swaps, key=len, reverse=True))
        text = re.sub(rf"(?<!\w)(?:{alternation})(?!\w)", lambda m: swaps[m.group(0)], text)
    shift = rng.randint(-6, 2)
    return _YEAR.sub(lambda m: str(int(m.group(0)) + shift), text)


def make_corpus(size: int, seed: int = 7, templates: list[Template] | None = None) -> Iterator[tuple[str, str]]:
    """`size` (file name, text) pairs; the same size and seed always give the same pairs."""
    rng = random.Random(f"{seed}-{size}")
    templates = templates or load_templates()
    pools = make_pools(size, rng)
    weights = {
        "people": _zipf_weights(len(pools.people)),
        "organizations": _zipf_weights(len(pools.organizations)),
        "countries": _zipf_weights(len(pools.countries)),
    }
    for i in range(size):
        template = templates[i % len(templates)] if i < len(templates) else rng.choice(templates)
        yield f"{i:05d}_{Path(template.name).stem[:40]}.txt", rewrite(template, pools, weights, rng)


def write_corpus(size: int, out: Path, seed: int = 7) -> int:
    """Write the corpus into `out` (created; files of an earlier corpus with other names are left alone)."""
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in make_corpus(size, seed):
        (out / name).write_text(text, encoding="utf-8")
        count += 1
    return count


def main() -> None:
    """Write a corpus of the requested size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, required=True, help="number of articles (e.g. 100, 1000, 10000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the .txt files into")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    count = write_corpus(args.size, args.out, args.seed)
    print(f"wrote {count} articles to {args.out}")


if __name__ == "__main__":
    main()
