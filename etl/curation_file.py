"""Read and check the analysts' curation file (YAML): every entry keeps its line number for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from etl.errors import EtlError

EVENT_TYPES = frozenset(
    [
        "forum",
        "panel",
        "round_table",
        "meeting",
        "training",
        "ceremony",
        "exhibition",
        "concert",
        "festival",
        "visit",
        "competition",
        "other",
    ]
)
ROLES = frozenset(["moderator", "speaker", "trainer", "presenter", "performer", "honoree", "organizer", "attendee"])
ORG_KIND_VALUES = frozenset(
    ["government", "museum", "education", "company", "ngo", "international", "media", "performing group", "other"]
)
_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# action -> target kind -> (required keys, optional keys)
SHAPES: dict[str, dict[str, tuple[set[str], set[str]]]] = {
    "merge": {"people": ({"names"}, set()), "organizations": ({"names"}, set())},
    "separate": {"people": ({"names"}, set()), "organizations": ({"names"}, set())},
    "split": {"person": ({"name", "article", "as"}, set())},
    "correct": {
        "person": ({"name"}, {"title", "organization", "country", "rename", "article"}),
        "organization": ({"name"}, {"kind", "country", "rename"}),
        "event": ({"name"}, {"start", "end", "type", "parent", "venue", "city", "rename"}),
        "participation": ({"person", "event", "role"}, set()),
    },
    "drop": {
        "person": ({"name"}, set()),
        "organization": ({"name"}, set()),
        "event": ({"name"}, set()),
        "figure": ({"article", "text"}, set()),
        "participation": ({"person", "event"}, set()),
    },
    "add": {
        "person": ({"name", "note"}, {"title", "organization", "country", "article"}),
        "participation": ({"person", "event", "role", "note"}, {"title"}),
        "event": ({"name", "type", "article", "note"}, {"start", "end", "parent", "venue", "city"}),
        "figure": ({"article", "value", "unit", "text", "note"}, {"subject", "event", "person", "approx"}),
    },
}

EXAMPLE = "- correct: event\n  name: Harbour Forum\n  start: 2024-03-04"


class CurationError(EtlError):
    """A curation entry cannot be applied; names the file and line and says what to write instead."""

    def __init__(self, path: Path | str, line: int | None, problem: str, fix: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}. {fix}")
        self.path, self.line = str(path), line


@dataclass
class Entry:
    """One curation entry: what to do, to what kind of record, its fields and its line in the file."""

    action: str
    target: str
    fields: dict[str, Any]
    line: int
    lines: dict[str, int] = field(default_factory=dict)  # field -> line, for precise messages


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers each mapping's (and each key's) line number."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_curation(path: Path) -> list[Entry]:
    """Parse and check the file; a missing file is an empty curation. Raises CurationError on any broken entry."""
    if not path.exists():
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (safe loader subclass)
    except UnicodeDecodeError as err:
        raise CurationError(path, None, "the file is not UTF-8", "Save it as UTF-8 text") from err
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise CurationError(
            path, line, f"YAML syntax error: {err.problem}", "Check the indentation and quoting on that line"
        ) from err
    if data is None:
        return []
    if not isinstance(data, list):
        raise CurationError(
            path, 1, "the file must be a list of entries", f"Start each entry with '- ', e.g.\n{EXAMPLE}"
        )
    return [_entry(path, item) for item in data]


def _entry(path: Path, item: Any) -> Entry:
    if not isinstance(item, dict):
        raise CurationError(path, None, f"an entry must be a mapping, got {item!r}", f"Write it like:\n{EXAMPLE}")
    line: int = item.pop("__line__")
    lines: dict[str, int] = item.pop("__lines__")
    actions = [key for key in item if key in SHAPES]
    if len(actions) != 1:
        raise CurationError(
            path, line, "an entry needs exactly one action", f"Start it with one of: {', '.join(SHAPES)}"
        )
    action = actions[0]
    target = item.pop(action)
    if target not in SHAPES[action]:
        raise CurationError(
            path,
            lines.get(action, line),
            f"'{action}: {target}' is not known",
            f"Use one of: {', '.join(SHAPES[action])}",
        )
    required, optional = SHAPES[action][target]
    missing = sorted(required - set(item))
    if missing:
        raise CurationError(path, line, f"'{action}: {target}' needs {', '.join(missing)}", _shape_hint(action, target))
    unknown = sorted(set(item) - required - optional)
    if unknown:
        raise CurationError(
            path, lines.get(unknown[0], line), f"unknown field '{unknown[0]}'", _shape_hint(action, target)
        )
    entry = Entry(action, target, item, line, lines)
    _check_values(path, entry)
    return entry


def _shape_hint(action: str, target: str) -> str:
    required, optional = SHAPES[action][target]
    hint = f"'{action}: {target}' takes {', '.join(sorted(required))}"
    return hint + (f" and optionally {', '.join(sorted(optional))}" if optional else "")


def _check_values(path: Path, entry: Entry) -> None:
    f = entry.fields

    def fail(key: str, problem: str, fix: str) -> None:
        raise CurationError(path, entry.lines.get(key, entry.line), problem, fix)

    if "names" in f and (not isinstance(f["names"], list) or len(f["names"]) < 2):
        fail("names", "'names' must list two or more names", "Write names: [Name to keep, Other spelling]")
    for key in ("start", "end"):
        if key in f and f[key] is not None and not _DAY.match(str(f[key])):
            fail(key, f"'{key}: {f[key]}' is not a date", "Write YYYY-MM-DD (or YYYY-MM, or YYYY)")
        if key in f and f[key] is not None:
            f[key] = str(f[key])
    if "type" in f and f["type"] not in EVENT_TYPES:
        fail("type", f"'{f['type']}' is not an event type", f"Use one of: {', '.join(sorted(EVENT_TYPES))}")
    if "role" in f and f["role"] not in ROLES:
        fail("role", f"'{f['role']}' is not a role", f"Use one of: {', '.join(sorted(ROLES))}")
    if "kind" in f and f["kind"] not in ORG_KIND_VALUES:
        fail("kind", f"'{f['kind']}' is not an organisation kind", f"Use one of: {', '.join(sorted(ORG_KIND_VALUES))}")
    if "value" in f and not isinstance(f["value"], (int, float)):
        fail("value", f"'value: {f['value']}' is not a number", "Write the number without units, e.g. value: 3000")
    if "note" in f and not str(f["note"] or "").strip():
        fail("note", "an added record needs a note", "Say where it comes from, e.g. note: article x.txt, paragraph 3")
