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


@pytest.fixture(scope="module")
def app_url(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served on a free local port, reading a copy of the seed build."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (make browser-deps)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs it: missing there is a failure, not a skip
        pytest.skip(message)
    db = tmp_path_factory.mktemp("browser") / "culture.duckdb"
    shutil.copy(seed_db, db)
    port = _free_port()
    env = {**os.environ, "CULTURE_DB": str(db), "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
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


@pytest.fixture(scope="module")
def browser(app_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        # the very first session of a fresh server can race the page registry ("Page not found"): warm it up
        warm = chromium.new_page()
        warm.goto(app_url, wait_until="networkidle")
        warm.wait_for_selector(".js-plotly-plot", timeout=60_000)
        warm.close()
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
