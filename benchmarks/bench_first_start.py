"""From a fresh clone to data on screen: how long a new user waits after `make run`.

    python benchmarks/bench_first_start.py [--installer uv pip] [--port 8765]

For each installer, clones this repository into a temporary folder, runs `make run` there (which creates
`.venv`, installs the pinned packages, builds the seed database in the background and starts Streamlit), and
opens the app in Debian's Chromium until the Overview shows its article count. Prints the seconds to the
installed packages, to a server that answers, and to data on screen, then the same for a second `make run`
in the same clone (nothing to install, the database already built). Run it from a checkout with the dev
packages installed (Playwright); it needs /usr/bin/chromium (`make browser-deps`).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Start:
    """Seconds from `make run` to each milestone."""

    installed: float
    serving: float
    on_screen: float


def _wait(until: float, check, what: str) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while time.perf_counter() < until:
        if check():
            return time.perf_counter() - start
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {what}")


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=1) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


def first_start(clone: Path, installer: str, port: int, timeout: float = 600) -> Start:
    """Run `make run` in `clone` and time it until the Overview shows data; the server is stopped after."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    _wait(time.perf_counter() + 60, lambda: not _answers(port), f"port {port} to be free")
    began = time.perf_counter()
    deadline = began + timeout
    env = {**os.environ, "INSTALLER": installer}
    server = subprocess.Popen(
        ["make", "run", f"PORT={port}", f"INSTALLER={installer}"],
        cwd=clone,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # one process group: make, the background build and Streamlit stop together
    )
    try:
        _wait(deadline, lambda: (clone / ".venv" / ".installed").exists(), "the install")
        installed = time.perf_counter() - began
        _wait(deadline, lambda: _answers(port), "the server")
        serving = time.perf_counter() - began
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=LAUNCH_ARGS)
            page = browser.new_page()
            while True:  # the health check can answer a moment before the page does
                try:
                    page.goto(f"http://localhost:{port}/", timeout=int(timeout * 1000))
                    break
                except PlaywrightError:
                    if time.perf_counter() > deadline:
                        raise
                    time.sleep(0.2)
            page.get_by_test_id("stMetric").first.wait_for(timeout=int((deadline - time.perf_counter()) * 1000))
            on_screen = time.perf_counter() - began
            browser.close()
        return Start(installed, serving, on_screen)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    """Time a first and a second start for each installer and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--installer", nargs="+", default=["uv", "pip"], choices=["uv", "pip"])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    rows = []
    for installer in args.installer:
        with tempfile.TemporaryDirectory() as tmp:
            clone = Path(tmp) / "clone"
            subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
            first = first_start(clone, installer, args.port)
            again = first_start(clone, installer, args.port)
        rows.append((installer, first, again))
    print(f"{'installer':<10} {'start':<7} {'installed s':>12} {'serving s':>10} {'data on screen s':>17}")
    for installer, first, again in rows:
        for label, start in (("first", first), ("second", again)):
            print(
                f"{installer:<10} {label:<7} {start.installed:>12.1f} {start.serving:>10.1f} {start.on_screen:>17.1f}"
            )
    if len(rows) == 2:
        print(f"first start, {rows[0][0]} / {rows[1][0]}: {rows[0][1].on_screen / rows[1][1].on_screen:.2f}")


if __name__ == "__main__":
    main()
