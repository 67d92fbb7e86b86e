"""The word classes of `roles.yaml`, loaded once into typed, read-only lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ROLES_FILE = Path(__file__).with_name("roles.yaml")


class WordClassError(ValueError):
    """A word-class file that cannot be used: says which file, which key and what to write."""


@dataclass(frozen=True)
class RoleWords:
    """Verb and noun classes that say how a person took part in an event."""

    subject_verbs: dict[str, str]  # lemma -> role
    object_verbs: dict[str, tuple[frozenset[str], frozenset[str]]]  # role -> (verbs, objects)
    agent_verbs: dict[str, str]
    honour_verbs: frozenset[str]
    recipient_verbs: frozenset[str]
    role_nouns: dict[str, str]
    lineup_verbs: frozenset[str]
    lineup_roles: dict[str, str]
    attendee_only_events: frozenset[str]
    speech_nouns: frozenset[str]
    honour_object_verbs: frozenset[str]
    act_nouns: frozenset[str]
    performance_nouns: frozenset[str]
    presence_nouns: frozenset[str]
    performer_trades: frozenset[str]  # "singer X" at a concert: a performer
    performer_credits: frozenset[str]  # "A, cello" on a line of its own: a performer's credit


def _invert(classes: dict[str, list[str]], key: str, path: Path) -> dict[str, str]:
    """{role: [words]} -> {word: role}; the first class that lists a word wins."""
    if not isinstance(classes, dict):
        raise WordClassError(f"{path}: '{key}' must map a role to a list of words")
    out: dict[str, str] = {}
    for role, words in classes.items():
        if not isinstance(words, list):
            raise WordClassError(f"{path}: '{key}.{role}' must be a list of words, e.g. [say, note]")
        for word in words:
            out.setdefault(str(word).lower(), str(role))
    return out


def parse_role_words(data: dict, path: Path = ROLES_FILE) -> RoleWords:
    """Build the lookups from the YAML mapping; a missing or mistyped key raises WordClassError."""
    required = (
        "subject_verbs",
        "object_verbs",
        "agent_verbs",
        "honour_verbs",
        "recipient_verbs",
        "role_nouns",
        "lineup_verbs",
        "lineup_roles",
        "attendee_only_events",
        "speech_nouns",
        "honour_object_verbs",
        "act_nouns",
        "performance_nouns",
        "presence_nouns",
        "performer_credits",
        "performer_trades",
    )
    missing = [k for k in required if k not in (data or {})]
    if missing:
        raise WordClassError(f"{path}: missing {', '.join(missing)}. Each is a list or a role -> list mapping.")
    object_verbs = {
        str(role): (
            frozenset(str(w) for w in spec.get("verbs", [])),
            frozenset(str(w) for w in spec.get("objects", [])),
        )
        for role, spec in data["object_verbs"].items()
    }
    return RoleWords(
        subject_verbs=_invert(data["subject_verbs"], "subject_verbs", path),
        object_verbs=object_verbs,
        agent_verbs=_invert(data["agent_verbs"], "agent_verbs", path),
        honour_verbs=frozenset(str(w) for w in data["honour_verbs"]),
        recipient_verbs=frozenset(str(w) for w in data["recipient_verbs"]),
        role_nouns=_invert(data["role_nouns"], "role_nouns", path),
        lineup_verbs=frozenset(str(w) for w in data["lineup_verbs"]),
        lineup_roles={str(k): str(v) for k, v in data["lineup_roles"].items()},
        attendee_only_events=frozenset(str(w) for w in data["attendee_only_events"]),
        speech_nouns=frozenset(str(w) for w in data["speech_nouns"]),
        performance_nouns=frozenset(str(w) for w in data["performance_nouns"]),
        honour_object_verbs=frozenset(str(w) for w in data["honour_object_verbs"]),
        act_nouns=frozenset(str(w) for w in data["act_nouns"]),
        presence_nouns=frozenset(str(w) for w in data["presence_nouns"]),
        performer_credits=frozenset(str(w) for w in data["performer_credits"]),
        performer_trades=frozenset(str(w) for w in data["performer_trades"]),
    )


@lru_cache(maxsize=1)
def role_words() -> RoleWords:
    """The project's role word classes from `etl/extraction/roles.yaml`."""
    with ROLES_FILE.open(encoding="utf-8") as fh:
        return parse_role_words(yaml.safe_load(fh), ROLES_FILE)
