"""Read and check the analysts' curation file (YAML): every entry keeps its line number for error messages."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from etl.errors import EtlError
from etl.limits import FIRST_YEAR, LAST_YEAR, MAX_CURATION_BYTES

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


class _AliasFound(Exception):
    """The file uses a YAML alias (`*name`)."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers each mapping's (and each key's) line number.

    It refuses aliases: an entry repeated through an alias is one object edited twice, and nested aliases
    expand exponentially (a "billion laughs" bomb in a note takes minutes and gigabytes).
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Stop at the first alias, before anything is expanded."""
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound(self.peek_event().start_mark.line + 1)
        return super().compose_node(parent, index)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# Dates stay text: `start: 2024-02-31` must reach our check (and its message), not fail inside PyYAML.
def _as_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


def read_curation(path: Path) -> list[Entry]:
    """Parse and check the file; a missing file is an empty curation. Raises CurationError on any broken entry."""
    if not path.exists():
        return []
    text = _read(path)
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 (safe loader subclass)
    except _AliasFound as alias:
        raise CurationError(
            path, alias.line, "YAML aliases (*name) are not allowed", "Write each entry and value out in full"
        ) from None
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


def _read(path: Path) -> str:
    """The file's text: refused at once when it is a folder, too large, unreadable or not UTF-8."""
    if not path.is_file():
        raise CurationError(path, None, "is not a file", "Pass the curation YAML file itself, e.g. data/curation.yaml")
    size = path.stat().st_size
    if size > MAX_CURATION_BYTES:
        raise CurationError(
            path,
            None,
            f"the file is {size / 1e3:,.0f} kB, over the {MAX_CURATION_BYTES / 1e3:,.0f} kB a curation file can be",
            "Keep corrections only (no pasted articles or data) or split the work into several builds",
        )
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise CurationError(path, None, "the file is not UTF-8", "Save it as UTF-8 text") from err
    except OSError as err:
        raise CurationError(path, None, f"cannot be read ({err.strerror})", "Check the file's permissions") from err


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
    if not isinstance(target, str) or target not in SHAPES[action]:
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

    if "names" in f and (
        not isinstance(f["names"], list) or len(f["names"]) < 2 or not all(_is_name(n) for n in f["names"])
    ):
        fail("names", "'names' must list two or more names", "Write names: [Name to keep, Other spelling]")
    for key, value in f.items():
        if key != "names" and isinstance(value, (list, dict)):
            example = f"e.g. {key}: {_EXAMPLES[key]}" if key in _EXAMPLES else f"one {key}"
            fail(key, f"'{key}' must be one value, not a list", f"Write it on one line, {example}")
    for key in ("start", "end"):
        if key in f and f[key] is not None:
            f[key] = str(f[key])
            try:
                parse_day(f[key])
            except ValueError as err:
                fail(key, f"'{key}: {f[key]}' is not a date ({err})", "Write YYYY-MM-DD (or YYYY-MM, or YYYY)")
    if f.get("start") and f.get("end") and parse_day(f["end"])[0] < parse_day(f["start"])[0]:
        fail("end", f"'end: {f['end']}' is before 'start: {f['start']}'", "Swap them or correct the date")
    if "type" in f and f["type"] not in EVENT_TYPES:
        fail("type", f"'{f['type']}' is not an event type", f"Use one of: {', '.join(sorted(EVENT_TYPES))}")
    if "role" in f and f["role"] not in ROLES:
        fail("role", f"'{f['role']}' is not a role", f"Use one of: {', '.join(sorted(ROLES))}")
    if "kind" in f and f["kind"] not in ORG_KIND_VALUES:
        fail("kind", f"'{f['kind']}' is not an organisation kind", f"Use one of: {', '.join(sorted(ORG_KIND_VALUES))}")
    if "value" in f and not _finite_number(f["value"]):
        shown = str(f["value"])[:40]
        fail("value", f"'value: {shown}' is not a number", "Write the number without units, e.g. value: 3000")
    if "approx" in f and not isinstance(f["approx"], bool):
        fail("approx", f"'approx: {f['approx']}' is not true or false", "Write approx: true or approx: false")
    if "note" in f and not str(f["note"] or "").strip():
        fail("note", "an added record needs a note", "Say where it comes from, e.g. note: article x.txt, paragraph 3")


_EXAMPLES = {"type": "forum", "role": "speaker", "kind": "museum", "start": "2024-03-04", "end": "2024-03-05"}


def _is_name(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip() != ""


def _finite_number(value: Any) -> bool:
    """A real, finite number: not text, not true/false, not .inf or .nan, not a 400-digit integer."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def parse_day(text: str) -> tuple[date, str]:
    """'2024-03-04' -> (date, 'day'); '2024-03' -> (1 March, 'month'); '2024' -> (1 January, 'year').

    Raises ValueError (with the reason) for anything else, an impossible day or a year out of range.
    """
    if not _DAY.match(text):
        raise ValueError("not YYYY-MM-DD")
    parts = [int(p) for p in text.split("-")]
    if not FIRST_YEAR <= parts[0] <= LAST_YEAR:
        raise ValueError(f"the year must be {FIRST_YEAR}-{LAST_YEAR}")
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), precision
