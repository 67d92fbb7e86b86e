"""An article's text as HTML with its people, organisations, figures and dates marked (all text escaped)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

MARK_STYLES = {
    "person": "background:#CFE8F7;border-bottom:2px solid #0072B2",
    "organization": "background:#FBE3C2;border-bottom:2px solid #E69F00",
    "figure": "background:#CDEBDD;border-bottom:2px solid #009E73",
    "date": "background:#F3D9E8;border-bottom:2px solid #CC79A7",
}
LEGEND = {"person": "person", "organization": "organisation", "figure": "figure", "date": "date"}

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_PATTERN = re.compile(
    rf"\b(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTHS}(?:\s+\d{{4}})?"
    rf"|{_MONTHS}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+\d{{4}})?"
    r"|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\b"
)


def date_spans(text: str) -> list[tuple[int, int, str, str]]:
    """Dates written in the text ('November 28-30', '5 Dec 2023', '30.11.2023') as (start, end, 'date', text)."""
    return [(m.start(), m.end(), "date", m.group()) for m in DATE_PATTERN.finditer(text)]


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """`text` as escaped HTML, each (start, end, kind, label) span wrapped in a <mark> titled with its label.

    Overlapping spans keep the first (earliest, then longest); spans outside the text are ignored.
    """
    chosen: list[tuple[int, int, str, str]] = []
    for start, end, kind, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if 0 <= start < end <= len(text) and (not chosen or start >= chosen[-1][1]):
            chosen.append((int(start), int(end), kind, label))
    out: list[str] = []
    at = 0
    for start, end, kind, label in chosen:
        out.append(html.escape(text[at:start]))
        style = MARK_STYLES.get(kind, "background:#eee")
        out.append(
            f'<mark class="{html.escape(kind)}" title="{html.escape(str(label))}" style="{style}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


def legend_html() -> str:
    """A one-line key to the highlight colours."""
    return " ".join(f'<mark style="{MARK_STYLES[k]}">{v}</mark>' for k, v in LEGEND.items())
