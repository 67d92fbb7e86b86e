"""Reliability suite: bad input, faults and hostile text. Prints one summary line at the end."""

from __future__ import annotations

import pytest

from tests.reliability.tally import TALLY, summary


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the suite's counters when any reliability test ran."""
    if TALLY:
        terminalreporter.write_line(summary())
