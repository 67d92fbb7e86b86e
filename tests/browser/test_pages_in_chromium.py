"""Every page in a real browser: Debian's Chromium driven by Playwright against a running `streamlit run app.py`.

Screenshots of each page (and of the report view) are saved to `screenshots/` for the closing review.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.serving import need_chromium, serve, settle
from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SCREENSHOTS = ROOT / "screenshots"
# url path -> what proves the page's main content is drawn
PAGES = {
    "": ".js-plotly-plot",
    "timeline": ".js-plotly-plot",
    "network": ".js-plotly-plot",
    "institutions": ".js-plotly-plot",
    "figures": ".js-plotly-plot",
    "articles": "mark.person",
    "data": '[data-testid="stMetric"]',
}


@pytest.fixture(scope="module")
def app_db_copy(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seed build for the served app."""
    need_chromium()
    db = tmp_path_factory.mktemp("browser") / "culture.duckdb"
    shutil.copy(seed_db, db)
    return db


@pytest.fixture(scope="module")
def app_url(app_db_copy: Path) -> Iterator[str]:
    """The app served on a free local port, shared by the module's tests."""
    with serve(app_db_copy) as url:
        yield url


def _open(browser: object, url: str, ready: str, shot: Path) -> list[str]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector(ready, timeout=60_000)
        # wait until the script has finished (the status widget disappears when the run ends)
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
        page.wait_for_timeout(800)  # let Plotly finish its transitions
        shot.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(shot), full_page=True)
        errors = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
        return [errors.nth(i).inner_text() for i in range(errors.count())]
    finally:
        page.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_page_draws_its_main_content_without_errors(browser, app_url, path):
    name = path or "overview"
    errors = _open(browser, f"{app_url}/{path}", PAGES[path], SCREENSHOTS / f"{name}.png")
    assert errors == []
    assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000


# Elements drawn in the page's column with no height: each still takes the column's gap (a blank band in print).
_EMPTY_BLOCKS = """() => [...document.querySelectorAll(
    '[data-testid=stMain] [data-testid=stVerticalBlock] > [data-testid=stElementContainer],'
    + '[data-testid=stMain] [data-testid=stVerticalBlock] > [data-testid=stLayoutWrapper]')]
  .filter((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height < 2)
  .map((e) => e.innerHTML.slice(0, 80))"""


@pytest.mark.parametrize("width", [1400, 1024])
@pytest.mark.parametrize("path", [p for p in PAGES if p != "data"])
def test_report_view_prints_whole_with_its_filters(browser, app_url, path, width):
    page = browser.new_page(viewport={"width": width, "height": 1000})  # type: ignore[attr-defined]
    try:
        page.goto(f"{app_url}/{path}?report=1&type=panel", wait_until="networkidle")
        page.wait_for_selector(PAGES[path], timeout=60_000)
        settle(page)
        # Streamlit scrolls inside its main block, so a "full page" shot stops at the window: grow the window
        tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": width, "height": min(int(tall) + 50, 16_000)})
        page.wait_for_timeout(1500)  # Plotly redraws on resize
        page.screenshot(path=str(SCREENSHOTS / f"{path or 'overview'}-report-{width}.png"), full_page=True)
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        assert "Filters: type: panel" in page.locator('[data-testid="stMain"]').inner_text()
        assert page.locator('[data-testid="stDataFrame"]').count() == 0  # no ten-row scroll boxes
        assert page.evaluate(_EMPTY_BLOCKS) == []  # an empty element still takes a gap in the column
        if path == "timeline":
            assert "type: panel" in page.locator(".js-plotly-plot").first.inner_text()
    finally:
        page.close()


# ----------------------------------------------------------------- shared links and filters across pages


def _chips(page: object, label: str) -> list[str]:
    """The values picked in one sidebar multiselect, as shown."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(  # type: ignore[attr-defined]
        has=page.get_by_text(label, exact=True)  # type: ignore[attr-defined]
    )
    return list(box.first.locator("[data-tag] span[title]").all_inner_texts())


def _dialogs(page: object) -> list[str]:
    return list(page.locator('[role="dialog"]').all_inner_texts())  # type: ignore[attr-defined]


def test_shared_link_opens_its_page_on_a_fresh_server(browser, app_db_copy):
    # the link is the first thing the server ever serves, as when an analyst starts the app and opens a bookmark
    with serve(app_db_copy) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        try:
            page.goto(f"{url}/timeline?type=panel", wait_until="networkidle")
            page.wait_for_selector(".js-plotly-plot", timeout=60_000)
            settle(page)
            assert not any("Page not found" in d for d in _dialogs(page))
            assert page.locator("h1").first.inner_text().startswith("Event timeline")
            assert _chips(page, "Event type") == ["panel"]
        finally:
            page.close()


@pytest.mark.parametrize("start", ["/timeline?type=panel&type=forum", "/?type=panel&type=forum"])
def test_filters_persist_across_page_switches_and_in_the_url(browser, app_url, start):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    try:
        page.goto(app_url + start, wait_until="networkidle")
        settle(page)
        for name in ["Network", "Institutions", "Overview", "Figures", "Timeline", "Articles", "Data"]:
            page.locator('[data-testid="stSidebarNav"] a', has_text=name).first.click()
            settle(page)
            assert sorted(_chips(page, "Event type")) == ["forum", "panel"], name
            assert "type=panel" in page.url and "type=forum" in page.url, name
        # a filter changed on a page is kept too
        page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] [aria-label="Remove forum"]').click()
        settle(page)
        for name in ["Timeline", "Network", "Institutions"]:
            page.locator('[data-testid="stSidebarNav"] a', has_text=name).first.click()
            settle(page)
            assert _chips(page, "Event type") == ["panel"], name
            assert "type=panel" in page.url and "type=forum" not in page.url, name
    finally:
        page.close()


# ----------------------------------------------------------------- charts laid out for reports

# For every chart on a page: the title, subtitle, legend and source note lie inside the figure and do not
# overlap each other, and a horizontal bar chart writes a label for every bar. `root` is a chart element.
_LAYOUT_PROBLEMS = """(root) => {
  const problems = [];
  const svg = root.querySelector('.main-svg').getBoundingClientRect();
  const box = (el) => el ? el.getBoundingClientRect() : null;
  const inside = (r) => r.left >= svg.left - 1 && r.right <= svg.right + 1
    && r.top >= svg.top - 1 && r.bottom <= svg.bottom + 1;
  const meets = (a, b) => a && b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const title = box(root.querySelector('.gtitle'));
  const legend = box(root.querySelector('.legend .bg'));
  const notes = [...root.querySelectorAll('.annotation-text')].map(box);
  const name = (root.querySelector('.gtitle') || {}).textContent || '?';
  if (title && !inside(title)) problems.push(name + ': title clipped');
  notes.forEach((n) => { if (!inside(n)) problems.push(name + ': source note clipped'); });
  if (legend && !inside(legend)) problems.push(name + ': legend clipped');
  if (meets(title, legend)) problems.push(name + ': legend over the title');
  notes.forEach((n) => {
    if (meets(n, legend) || meets(n, title)) problems.push(name + ': source note over the legend or title');
  });
  const texts = [...root.querySelectorAll('.textpoint text, .annotation-text')].map(box).filter((r) => r.width);
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
    if (meets(a, b)) problems.push(name + ': labels overlap');
  }));
  const gd = root.closest('.js-plotly-plot') || root;
  const bars = (gd.data || []).filter((t) => t.type === 'bar' && t.orientation === 'h');
  if (bars.length) {
    const categories = new Set(bars.flatMap((t) => [...t.y]));
    const written = new Set([...root.querySelectorAll('.ytick text')].map((t) => t.textContent));
    if (written.size < categories.size) {
      problems.push(name + ': ' + written.size + ' of ' + categories.size + ' bars labelled');
    }
  }
  const ticks = [...root.querySelectorAll('.xtick text')].map((t) => t.textContent);
  if (ticks.some((t) => /\\d:\\d\\d/.test(t))) problems.push(name + ': hourly date axis');
  return problems;
}"""

# The same chart laid out at the camera button's export size, in a scratch element, then checked.
_EXPORT_PROBLEMS = """async ([i, check]) => {
  const gd = document.querySelectorAll('.js-plotly-plot')[i];
  const o = gd._context.toImageButtonOptions || {};
  const div = document.createElement('div');
  div.style.position = 'absolute'; div.style.left = '0'; div.style.top = '0';
  document.body.appendChild(div);
  const layout = {...gd.layout, width: o.width || gd._fullLayout.width, height: o.height || gd._fullLayout.height};
  await Plotly.newPlot(div, gd.data, layout);
  const problems = eval(check)(div).map((p) => 'export: ' + p);
  const png = await Plotly.toImage(div, {format: 'png', width: layout.width, height: layout.height, scale: 1});
  Plotly.purge(div); div.remove();
  return [problems, png];
}"""


@pytest.mark.parametrize("path", ["", "timeline", "timeline?type=visit", "institutions", "figures", "network"])
def test_charts_read_whole_on_screen_and_in_the_png_export(browser, app_url, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    name = (path or "overview").replace("?", "-").replace("=", "-")
    (SCREENSHOTS / "charts").mkdir(parents=True, exist_ok=True)
    try:
        page.goto(f"{app_url}/{path}", wait_until="networkidle")
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        settle(page)
        problems: list[str] = []
        charts = page.locator(".js-plotly-plot")
        for i in range(charts.count()):  # the export does not depend on the screen: checked once
            export, png = page.evaluate(_EXPORT_PROBLEMS, [i, _LAYOUT_PROBLEMS])
            problems += export
            (SCREENSHOTS / "charts" / f"{name}-export-{i}.png").write_bytes(base64.b64decode(png.split(",")[1]))
        for width in (1400, 1024):
            page.set_viewport_size({"width": width, "height": 1000})
            page.wait_for_timeout(1500)  # Plotly redraws on resize
            for i in range(charts.count()):
                charts.nth(i).scroll_into_view_if_needed()
                found = charts.nth(i).evaluate(_LAYOUT_PROBLEMS)
                if found:  # on a busy machine the redraw may still be under way: what counts is what stays
                    page.wait_for_timeout(3000)
                    found = charts.nth(i).evaluate(_LAYOUT_PROBLEMS)
                problems += [f"{width} px: {p}" for p in found]
                charts.nth(i).screenshot(path=str(SCREENSHOTS / "charts" / f"{name}-{width}-{i}.png"))
            # download buttons show their whole label (narrow columns squeezed them to "D…")
            cut = page.evaluate(
                """() => [...document.querySelectorAll('[data-testid="stDownloadButton"] button')]
                     .filter((b) => b.offsetParent && b.scrollWidth > b.clientWidth + 1).map((b) => b.innerText)"""
            )
            problems += [f"{width} px: download button cut: {c}" for c in cut]
        assert problems == []
    finally:
        page.close()


@pytest.mark.parametrize("width", [1400, 1024])
def test_data_page_buttons_show_their_whole_label(browser, app_url, width):
    page = browser.new_page(viewport={"width": width, "height": 1000})  # type: ignore[attr-defined]
    try:
        page.goto(f"{app_url}/data", wait_until="networkidle")
        page.wait_for_selector(PAGES["data"], timeout=60_000)
        settle(page)
        tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": width, "height": min(int(tall) + 50, 16_000)})
        page.wait_for_timeout(1000)
        page.screenshot(path=str(SCREENSHOTS / f"data-whole-{width}.png"), full_page=True)
        cut = page.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stMain"] button, [data-testid="stMain"] button *')]
                 .filter((b) => b.offsetParent && b.scrollWidth > b.clientWidth + 1).map((b) => b.innerText)"""
        )
        assert cut == []
    finally:
        page.close()


# ----------------------------------------------------------------- the network of a generated corpus


@pytest.mark.parametrize("top", ["100", "400"])
def test_network_of_a_generated_corpus_reads_whole_at_both_widths(browser, corpus_db, tmp_path, top):
    db = tmp_path / "culture.duckdb"
    shutil.copy(corpus_db, db)
    with serve(db) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        try:
            page.goto(f"{url}/network?top={top}", wait_until="networkidle")
            page.wait_for_selector(".js-plotly-plot", timeout=120_000)
            settle(page)
            chart = page.locator(".js-plotly-plot").first
            problems: list[str] = []
            for width in (1400, 1024):
                page.set_viewport_size({"width": width, "height": 1000})
                page.wait_for_timeout(1500)  # Plotly redraws on resize
                chart.scroll_into_view_if_needed()
                problems += [f"{width} px: {p}" for p in chart.evaluate(_LAYOUT_PROBLEMS)]
                (SCREENSHOTS / "charts").mkdir(parents=True, exist_ok=True)
                chart.screenshot(path=str(SCREENSHOTS / "charts" / f"network-corpus-top{top}-{width}.png"))
            assert problems == []
            if top == "100":  # every corpus used here has more than 100 people
                title = chart.locator(".gtitle").text_content() or ""  # wrapped lines come without a space
                assert "100 most" in title and "connected of" in title
        finally:
            page.close()
