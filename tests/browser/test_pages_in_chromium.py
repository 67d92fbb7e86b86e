"""Every page in a real browser: Debian's Chromium driven by Playwright against a running `streamlit run app.py`.

Screenshots of each page (and of the report view) are saved to `screenshots/` for the closing review.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serve(db: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free local port, reading `db`; yields its URL once it answers."""
    port = _free_port()
    env = {**os.environ, "CULTURE_DB": str(db), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    command += ["--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the Streamlit server did not start within 60 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def _need_chromium() -> None:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (make browser-deps)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: missing there is a failure, not a skip
        pytest.skip(message)


@pytest.fixture(scope="module")
def app_db_copy(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seed build for the served app."""
    _need_chromium()
    db = tmp_path_factory.mktemp("browser") / "culture.duckdb"
    shutil.copy(seed_db, db)
    return db


@pytest.fixture(scope="module")
def app_url(app_db_copy: Path) -> Iterator[str]:
    """The app served on a free local port, shared by the module's tests."""
    with _serve(app_db_copy) as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_db_copy: Path) -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


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


def test_report_view_hides_the_sidebar_and_keeps_the_filters(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    try:
        page.goto(f"{app_url}/timeline?report=1&type=panel", wait_until="networkidle")
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        page.wait_for_timeout(800)
        page.screenshot(path=str(SCREENSHOTS / "timeline-report.png"), full_page=True)
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        assert "type: panel" in page.locator(".js-plotly-plot").first.inner_text()
        assert "type=panel" in page.url
    finally:
        page.close()


# ----------------------------------------------------------------- shared links and filters across pages


def _settle(page: object) -> None:
    """Wait until the script run that a navigation or a widget started has finished drawing."""
    page.wait_for_timeout(1200)  # type: ignore[attr-defined]  # the run starts after the click is sent
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(500)  # type: ignore[attr-defined]


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
    with _serve(app_db_copy) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        try:
            page.goto(f"{url}/timeline?type=panel", wait_until="networkidle")
            page.wait_for_selector(".js-plotly-plot", timeout=60_000)
            _settle(page)
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
        _settle(page)
        for name in ["Network", "Institutions", "Overview", "Figures", "Timeline", "Articles", "Data"]:
            page.locator('[data-testid="stSidebarNav"] a', has_text=name).first.click()
            _settle(page)
            assert sorted(_chips(page, "Event type")) == ["forum", "panel"], name
            assert "type=panel" in page.url and "type=forum" in page.url, name
        # a filter changed on a page is kept too
        page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"] [aria-label="Remove forum"]').click()
        _settle(page)
        for name in ["Timeline", "Network", "Institutions"]:
            page.locator('[data-testid="stSidebarNav"] a', has_text=name).first.click()
            _settle(page)
            assert _chips(page, "Event type") == ["panel"], name
            assert "type=panel" in page.url and "type=forum" not in page.url, name
    finally:
        page.close()
