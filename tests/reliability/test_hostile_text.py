"""Hostile text in articles and curation, fed through every page (and every report view) in a real browser.

The database is written row by row (the ETL itself drops some of these characters, and its extraction would not
make a person of `<img src=...>`): titles, sources, names, places, titles of people, sentences, figures, merge
suggestions and the curation log all carry Markdown images pointing at another host, HTML links and images with
`onerror`, scripts, `javascript:` links, LaTeX, shortcodes, NUL and zero-width characters. A dialog handler and a
request listener must record nothing, no element may link to or load from the other host, and the hostile names
must read as the text they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import pandas as pd
import pytest

from culturedash.safe_text import plain
from etl.load import COLUMNS, PUBLIC_TABLES, REVIEW_TABLES, write_database
from tests.browser.serving import chromium, serve, settle
from tests.reliability.tally import record

pytestmark = [pytest.mark.slow, pytest.mark.browser]

OTHER = "127.0.0.2"  # the "other site": nothing may be fetched from it, nor linked to it

TITLE = f"![](http://{OTHER}/title.png) Harbour <script>alert('title')</script> forum opens"
TITLE_2 = f"<img src=http://{OTHER}/t2.png onerror=alert('title2')> Gala"
SOURCE = f'<a href="http://{OTHER}/source">Coast News</a>'
SOURCE_2 = "[click](javascript:alert('source2'))"
FILE_2 = "gala [x](javascript:alert(1)).txt"
ANA = f"Ana ![](http://{OTHER}/ana.png) Lund"
BEN = f'<a href="http://{OTHER}/ben">Ben Ode</a>'
CAI = "Cai\x00 We\u200bn <script>alert('cai')</script>"
DEE = f"<img src=http://{OTHER}/dee.png onerror=\"alert('dee');window.__hostile=1\">"
MUSEUM = "<a href=\"javascript:alert('museum')\">Harbour Museum</a>"
TRIO = f'Reed Trio <span style="fill:url(http://{OTHER}/f.svg#p)">x</span> <b>bold</b>'
FORUM = f"Harbour Forum ![](http://{OTHER}/forum.png)"
PANEL_1 = "Panel <script>alert('panel')</script>"
PANEL_2 = "$\\href{javascript:alert(1)}{x}$ :material/home: :smile: panel"
GALA = f"Gala <a href=http://{OTHER}/gala>concert</a>"
VENUE = f"<img src=http://{OTHER}/venue.png onerror=alert('venue')>"
CITY = f"[Bergen](http://{OTHER}/city) www.example.org"
COUNTRY = f"Norway ![](http://{OTHER}/country.png)"
SUBJECT = f"<img src=http://{OTHER}/subject.png onerror=alert('subject')> museums"
# the names a reader must see as written (controls and zero-width characters dropped, as the pages do)
SHOWN = [TITLE, SOURCE, ANA, BEN, CAI, DEE, MUSEUM, FORUM, PANEL_1]
SEARCH = f"![](http://{OTHER}/search.png) <img src=x onerror=alert('search')>"


def _body() -> tuple[str, list[tuple[str, str, str, str]]]:
    """The article text and the mentions in it: (kind, id, text) at their offsets."""
    parts = [
        f"The {FORUM} opened on March 4. ",
        "Panel one was moderated by ",
        ("person", "P1", ANA),
        ", director of the ",
        ("organization", "O1", MUSEUM),
        ". ",
        ("person", "P1", ANA),
        " said 45% of museums are digital and 30% are not. ",
        ("person", "P2", BEN),
        " and ",
        ("person", "P3", CAI),
        " spoke. ",
        ("person", "P4", DEE),
        f" attended. {SEARCH}",
    ]
    body, mentions = "", []
    for part in parts:
        if isinstance(part, tuple):
            kind, entity, text = part
            mentions.append(("A1", kind, entity, text, len(body), len(body) + len(text)))
            body += text
        else:
            body += part
    return body, mentions


def hostile_tables() -> dict[str, pd.DataFrame]:
    """Every table the pages read, filled with hostile text."""
    body, mentions = _body()
    at = body.index("45%")
    loaded = datetime(2024, 3, 2, 10)
    rows: dict[str, list[tuple[Any, ...]]] = {
        "articles": [
            ("A1", "hostile.txt", TITLE, date(2024, 3, 1), SOURCE, None, body, "h1", loaded),
            ("A2", FILE_2, TITLE_2, None, SOURCE_2, None, f"A gala concert by the {TRIO}.", "h2", loaded),
        ],
        "people": [("P1", ANA, [], COUNTRY), ("P2", BEN, [], None), ("P3", CAI, [], None), ("P4", DEE, [], None)],
        "organizations": [("O1", MUSEUM, [], "museum", COUNTRY), ("O2", TRIO, [], "performing group", None)],
        "mentions": [*mentions, ("A2", "organization", "O2", TRIO, 22, 22 + len(TRIO))],
        "events": [
            ("E1", "A1", FORUM, "forum", date(2024, 3, 4), date(2024, 3, 5), "day", None, VENUE, CITY, FORUM, "x"),
            ("E2", "A1", PANEL_1, "panel", date(2024, 3, 4), None, "day", "E1", None, None, PANEL_1, "x"),
            ("E3", "A1", PANEL_2, "panel", date(2024, 4, 10), None, "day", "E1", VENUE, None, PANEL_2, "x"),
            ("E4", "A2", GALA, "concert", None, None, None, None, None, None, GALA, "x"),
        ],
        "event_articles": [("E1", "A1"), ("E2", "A1"), ("E3", "A1"), ("E4", "A2")],
        "participations": [
            ("E2", "P1", "moderator", f"<b>Director</b> ![](http://{OTHER}/t.png)", "O1", body[:80], "x"),
            ("E2", "P2", "speaker", None, None, BEN, "x"),
            ("E2", "P3", "speaker", None, "O2", CAI, "x"),
            ("E3", "P1", "speaker", None, "O1", ANA, "x"),
            ("E3", "P4", "speaker", None, "O2", DEE, "x"),
        ],
        "affiliations": [("P1", "O1", "A1", f"[Director](http://{OTHER}/d)", body[:120], "x")],
        "figures": [
            ("F1", "A1", "E2", "P1", 45.0, "percent", SUBJECT, "45%", False, f"{ANA} said 45%.", at, at + 3),
            ("F2", "A1", "E2", "P1", 30.0, "percent", "museums", "30%", False, f"{SUBJECT} 30%.", at + 28, at + 31),
            # added by curation: no place in the text (NULL offsets once crashed the Figures page)
            ("F3", "A2", None, None, 3000.0, f"<b>{OTHER}</b>", None, TRIO, True, SEARCH, None, None),
        ],
        "merge_suggestions": [("person", "P1", ANA, "P4", DEE, 0.91, f"<a href=http://{OTHER}/r>same</a>", "open")],
        "curation_log": [(3, "stale", f"no person named '{DEE}' any more")],
    }
    # columns added since (articles.author) take a hostile value too
    rows["articles"] = [(*row, f"<b>{OTHER}</b> ![](http://{OTHER}/author.png)") for row in rows["articles"]]
    return {t: pd.DataFrame(rows.get(t, []), columns=COLUMNS[t]) for t in (*PUBLIC_TABLES, *REVIEW_TABLES)}


# Every page, in the normal and the report view, with the hostile records chosen and a hostile filter and search.
_FILTER = "org=" + quote(MUSEUM)
VISITS = [
    "",
    "?" + _FILTER,
    "timeline?event=E2",
    "timeline?event=E3&" + _FILTER,
    "network",
    "network?net=organisations",
    "network?ego=P1",
    "institutions?institution=O1",
    "institutions?institution=O2&metric=events",
    "figures",
    "articles?read=A1&q=" + quote("harbour " + SEARCH),
    "articles?read=A2",
    "articles?" + _FILTER,
    "data",
]
VISITS += [v + ("&" if "?" in v else "?") + "report=1" for v in VISITS if not v.startswith("data")]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app serving the hostile database."""
    db = tmp_path_factory.mktemp("hostile") / "culture.duckdb"
    write_database(db, hostile_tables())
    with serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_browser() -> Iterator[Any]:
    """Debian's Chromium for this module."""
    with chromium() as browser:
        yield browser


_LINKS_AND_LOADS = f"""() => [...document.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => /^(href|src|xlink:href|srcset|action|formaction|poster|data)$/i.test(a.name)
        && /^\\s*((https?:)?\\/\\/{OTHER.replace(".", "[.]")}|javascript:)/i.test(a.value))
      .map((a) => el.tagName + ' ' + a.name + '=' + a.value))"""


@pytest.mark.parametrize("path", VISITS)
def test_hostile_text_is_shown_as_text_on_every_page(hostile_browser, hostile_url, path):
    page = hostile_browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    outside: list[str] = []
    app = urlsplit(hostile_url).netloc

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    def on_request(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob", "about") and parts.netloc != app:
            outside.append(request.url)

    page.on("dialog", on_dialog)
    page.on("request", on_request)
    try:
        page.goto(f"{hostile_url}/{path}", wait_until="networkidle")
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
        settle(page)
        if path.startswith("timeline") or path.startswith("figures") or path in ("", "network"):
            page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        page.mouse.move(700, 500)  # a hover label is drawn from the same text
        page.wait_for_timeout(800)
        links = page.evaluate(_LINKS_AND_LOADS)
        text = page.locator('[data-testid="stMain"]').inner_text() + " ".join(
            page.locator(".js-plotly-plot").all_inner_texts()
        )
        errors = page.locator('[data-testid="stException"]').all_inner_texts()
        marker = page.evaluate("() => window.__hostile")
    finally:
        page.close()
    record("cases")
    record("scripts_run", len(dialogs) + (1 if marker else 0))
    record("external_requests", len(outside))
    record("crashes", len(errors))
    assert dialogs == [] and not marker
    assert outside == []
    assert links == []
    assert errors == []
    if "report=1" in path:  # tables are DOM text there (on screen, st.dataframe draws on a canvas)
        assert any(plain(s) in _read(text) for s in SHOWN), "no hostile name reads as written"


def _read(text: str) -> str:
    """Page text as a reader sees it: one line, word joiners (invisible) dropped."""
    return plain(text.replace("\u2060", ""))


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("institutions?institution=O1&report=1", [MUSEUM, TRIO, COUNTRY]),
        ("timeline?event=E2&report=1", [TITLE, PANEL_1, ANA, BEN, CAI, VENUE, CITY]),
        ("articles?read=A1&report=1", [TITLE, SOURCE, ANA, BEN, CAI, DEE, MUSEUM]),
        ("data", [ANA, DEE]),
    ],
)
def test_hostile_names_read_as_written(hostile_browser, hostile_url, path, names):
    page = hostile_browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{hostile_url}/{path}", wait_until="networkidle")
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
        settle(page)
        missing = [plain(n) for n in names]
        for _ in range(40):  # charts draw after the run ends, later still on a busy machine: poll up to 20 s
            text = _read(page.locator('[data-testid="stMain"]').inner_text())
            missing = [plain(n) for n in names if plain(n) not in text]
            if not missing:
                break
            page.wait_for_timeout(500)
    finally:
        page.close()
    assert missing == []


def test_search_box_text_is_shown_as_typed(hostile_browser, hostile_url):
    page = hostile_browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if OTHER in r.url else None)
    try:
        page.goto(f"{hostile_url}/articles", wait_until="networkidle")
        settle(page)
        box = page.locator('[data-testid="stTextInput"] input').first
        box.fill(f"zzz ![](http://{OTHER}/typed.png)")
        box.press("Enter")
        settle(page)
        text = _read(page.locator('[data-testid="stMain"]').inner_text())
    finally:
        page.close()
    record("cases")
    record("external_requests", len(outside))
    assert outside == []
    assert f"“zzz ![](http://{OTHER}/typed.png)”" in text  # in "No article matches …" or "… articles matching …"
