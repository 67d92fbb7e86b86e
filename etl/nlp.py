"""Load the spaCy pipeline once, with only the components the extraction uses."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from etl.errors import ModelError
from etl.settings import model_names


@lru_cache(maxsize=2)
def load_nlp(name: str | None = None) -> Language:
    """The spaCy pipeline: `name`, or the first installed of the configured models."""
    candidates = (name,) if name else model_names()
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(
        f"no spaCy model found (tried {', '.join(candidates)}). "
        "Run `pip install -r requirements.txt`, or set CULTURE_SPACY_MODEL to an installed model."
    )
