"""Reported figures for display: values written with unit and approximation, and groups worth charting together."""

from __future__ import annotations

import re

import pandas as pd

_MORE = re.compile(r"^\s*(more than|over|above|at least|exceeding)\b", re.I)
_LESS = re.compile(r"^\s*(less than|under|below|up to|almost|nearly|close to)\b", re.I)


def format_value(value: float, unit: str | None, approx: bool, text: str = "") -> str:
    """'64.4%', '~12,000 people', 'more than 3,000 companies': the value as a reader would write it."""
    number = _number(value)
    shown = f"{number}%" if unit == "percent" else f"{number} {unit or ''}".strip()
    if not approx:
        return shown
    if _MORE.match(text or ""):
        return f"more than {shown}"
    if _LESS.match(text or ""):
        return f"{_LESS.match(text).group(1).lower()} {shown}"  # type: ignore[union-attr]
    return f"~{shown}"


def _number(value: float) -> str:
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


_POINTER = re.compile(r"^(this|that|it|these|which)\s+(is|are|was|were|means|makes)\b", re.I)
_NUMBER_OF = re.compile(r"\bnumber of (?:the )?(.+?)\s+(?:is|are|was|were|stands|reached|rose|grew|has)\b", re.I)
_AFTER_NUMBER = re.compile(
    r"\d[\d.,]*\s*(?:%|percent|billion|million|thousand)?\s+(?:of\s+(?:the\s+)?[\w’']+\s+\w+\s+|people\s+)?"
    r"(.+?)(?:\s+(?:in|around|across)\s+the\s+world)?\s*$",
    re.I,
)


def bar_label(subject: object, evidence: str, previous: str, limit: int = 42) -> str:
    """A short bar label saying what a figure counts ('Use mobile phones', 'Internet users').

    'This is 68% of the world's population.' says nothing by itself: the sentence before tells what it is.
    """
    sentence = (previous if _POINTER.match(evidence.strip()) and previous else evidence).strip().rstrip(".")
    found = _NUMBER_OF.search(sentence) or _AFTER_NUMBER.search(sentence)
    label = found.group(1) if found else (str(subject) if isinstance(subject, str) else sentence)
    return _short(label[0].upper() + label[1:] if label else label, limit)


def with_display(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures table with a 'figure' column written for people, first."""
    out = frame.copy()
    out.insert(
        0,
        "figure",
        [
            format_value(v, u, bool(a), t)
            for v, u, a, t in zip(out["value"], out["unit"], out["approx"], out["text"], strict=True)
        ],
    )
    return out


def proposed_groups(groups: pd.DataFrame) -> list[tuple[str, list[str]]]:
    """Labels for the groups of figures that belong together (`event_queries.figure_groups`: same unit, article
    and speaker, two or more, each with a subject).

    Returns (label, figure ids), largest group first; percentages first on a tie (shares compare well)."""
    out: list[tuple[str, list[str]]] = []
    for unit, speaker, article, ids in zip(
        groups["unit"], groups["speaker"], groups["article"], groups["figure_ids"], strict=True
    ):
        unit_text = "shares (%)" if unit == "percent" else str(unit)
        who = f" reported by {speaker}" if isinstance(speaker, str) and speaker else ""
        out.append((f"{len(ids)} {unit_text}{who} in “{_short(article)}”", [str(i) for i in ids]))
    out.sort(key=lambda g: (-len(g[1]), not g[0].split(" ", 1)[1].startswith("shares"), g[0]))
    return out


def chart_frame(frame: pd.DataFrame, figure_ids: list[str], previous: dict[str, str] | None = None) -> pd.DataFrame:
    """The chosen figures with a short bar label (their subject), in the order chosen; one unit only.

    `previous` maps a figure to the sentence before its own (see `event_queries.previous_sentences`)."""
    chosen = frame.set_index("figure_id").loc[[f for f in figure_ids if f in set(frame["figure_id"])]].reset_index()
    chosen["previous_sentence"] = [(previous or {}).get(f, "") for f in chosen["figure_id"]]
    chosen["label"] = [
        bar_label(s, e, p)
        for s, e, p in zip(chosen["subject"], chosen["evidence"], chosen["previous_sentence"], strict=True)
    ]
    return chosen


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
