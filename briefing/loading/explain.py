"""A msgspec validation error -> the path of the bad value and words for people.

Briefings, theme files and ``config.toml`` are all validated by converting
plain data to msgspec Structs; this turns msgspec's one-line error into the
message part of a ``FILE:LINE:COL: message`` problem, plus the path the
caller needs to find the line. Callers pass their root Struct and the words
for types in their file format (a YAML mapping, a TOML table).

Imported only once a file has failed to validate.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, NamedTuple

import msgspec

from briefing.model.checks import dotted
from briefing.model.struct_fields import fields_of
from briefing.model.structs import ID_MAX_LENGTH
from briefing.model.text import hidden_characters, quoted

Path = tuple[str | int, ...]

TYPE_WORDS = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "null": "nothing (null)",
    "array": "a list",
    "object": "a mapping (key: value lines)",
}
"""msgspec's type names in words; callers override some (TOML has tables)."""

_AT = re.compile(r"^(?P<msg>.*?)(?: - at `(?P<path>\$[^`]*)`)?$", re.DOTALL)
_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[(\.\.\.)\]")
_ANY_KEY = "[...]"
"""msgspec's stand-in for "some key of this dict"; :func:`_name_key` finds which."""
_PYTHON_TYPES: dict[str, type | tuple[type, ...]] = {
    "str": str,
    "int": int,
    "float": (int, float),
    "bool": bool,
    "object": dict,
    "array": list,
}


class Explained(NamedTuple):
    path: Path
    """Where the bad value (or key) is."""
    message: str
    on_key: bool
    """True when the key itself is wrong (point at it, not at its value)."""


def split_error(error: str, raw: Any) -> tuple[Path, str]:
    """msgspec's message -> (path of the bad value in ``raw``, msgspec's own words)."""
    match = _AT.match(error)
    assert match is not None  # the pattern matches any string
    msg = match.group("msg")
    path: Path = tuple(
        int(index) if index else (name or _ANY_KEY)
        for name, index, _ in _PART.findall(match.group("path") or "$")
    )
    return _name_key(path, raw, msg), msg


def explain(
    error: str,
    root: type[msgspec.Struct],
    raw: Any,
    *,
    type_words: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
) -> Explained:
    """A msgspec validation message about converting ``raw`` to ``root``, for people.

    ``hints`` maps common wrong keys to the right one (``text`` ->
    ``foreground``) where spelling alone would not find it.
    """
    path, msg = split_error(error, raw)
    return explain_at(path, msg, root, raw, type_words=type_words, hints=hints)


def explain_at(
    path: Path,
    msg: str,
    root: type[msgspec.Struct],
    raw: Any,
    *,
    type_words: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
) -> Explained:
    """Like :func:`explain`, for msgspec's words ``msg`` about the value at ``path``."""
    words = {**TYPE_WORDS, **(type_words or {})}
    where = dotted(path) or "top level"
    if m := re.match(r"Object contains unknown field `(.*)`$", msg, re.DOTALL):
        key = m.group(1)
        fields = field_names(root, path)
        close = difflib.get_close_matches(key, fields, n=1)
        hint = (hints or {}).get(key)
        if hint in fields:
            close = [hint]
        tail = f"; did you mean {close[0]!r}?" if close else f"; expected one of: {', '.join(fields)}"
        if hidden := hidden_characters(key):
            tail = f" (it contains {hidden}){tail}"
        return Explained((*path, key), f"{where}: unknown key {quoted(key)}{tail}", True)
    if m := re.match(r"Object missing required field `(.*)`$", msg):
        return Explained(path, f"{where}: missing required key {m.group(1)!r}", False)
    if m := re.match(r"Expected `([\w |]+)`(?:.*?)?, got `(\w+)`$", msg):
        # Optional fields read "Expected `str | null`": null needs no mention.
        wanted = [w for w in m.group(1).split(" | ") if w != "null"] or ["null"]
        got = m.group(2)
        value = value_at(raw, path)
        if choices := _choices(root, path):
            if isinstance(value, (list, dict)):  # may be deep: never repr() it
                return Explained(
                    path,
                    f"{where}: expected one of: {', '.join(choices)}; got {kind_of(value, words)}",
                    False,
                )
            return Explained(
                path,
                f"{where}: {_yaml_repr(value)} is not one of: {', '.join(choices)}{_did_you_mean(value, choices)}",
                False,
            )
        hint = ""
        if wanted == ["bool"] and isinstance(value, str):
            hint = f" ({quoted(value)}); write true or false"
        want = " or ".join(words.get(w, w) for w in wanted)
        return Explained(path, f"{where}: expected {want}, got {words.get(got, got)}{hint}", False)
    if msg.startswith("Invalid enum value"):
        choices = _choices(root, path)
        return Explained(
            path,
            f"{where}: {quoted(value_at(raw, path))} is not one of: {', '.join(choices)}"
            f"{_did_you_mean(value_at(raw, path), choices)}",
            False,
        )
    if "matching regex" in msg:  # the one pattern in the models is the id's
        return Explained(
            path,
            f"{where}: {quoted(value_at(raw, path))} is not a valid id; use letters, "
            "digits, '-', '_' or '.' (at most 64 characters, no spaces)",
            False,
        )
    if "of length >= 1" in msg:
        return Explained(path, f"{where}: must not be empty", False)
    if m := re.match(r"Expected `str` of length <= (\d+)", msg):
        if int(m.group(1)) == ID_MAX_LENGTH:
            return Explained(
                path, f"{where}: is not a valid id; it is longer than {ID_MAX_LENGTH} characters", False
            )
        return Explained(path, f"{where}: is longer than {int(m.group(1)):,} characters", False)
    return Explained(path, f"{where}: {msg}", False)


def _did_you_mean(value: Any, choices: list[str]) -> str:
    """ "; did you mean 'x'?" for a value that is a choice in another case or
    a near miss; "" otherwise."""
    if not isinstance(value, str) or len(value) > 100:
        return ""
    same = [c for c in choices if c.casefold() == value.casefold()]
    close = same or difflib.get_close_matches(value, choices, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _name_key(path: Path, raw: Any, msg: str) -> Path:
    """Replace msgspec's ``[...]`` (a dict value) with the key that is wrong.

    msgspec checks a dict in order and stops at the first bad value, so the
    first value of the wrong type is the one it means.
    """
    if _ANY_KEY not in path:
        return path
    at = path.index(_ANY_KEY)
    table = value_at(raw, path[:at])
    wanted = re.match(r"Expected `(\w+)`", msg)
    kind = _PYTHON_TYPES.get(wanted.group(1)) if wanted else None
    if isinstance(table, dict) and kind is not None:
        for key, value in table.items():
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                return (*path[:at], key, *path[at + 1 :])
    return path[:at]


def kind_of(value: Any, words: Mapping[str, str] = TYPE_WORDS) -> str:
    """What sort of value ``value`` is, in words ("a list", "text" ...)."""
    if isinstance(value, list):
        return words["array"]
    if isinstance(value, dict):
        return words["object"]
    if isinstance(value, str):
        return words["str"]
    if value is None:
        return words["null"]
    return words.get(type(value).__name__, type(value).__name__)


def _yaml_repr(value: Any) -> str:
    """A value as it would be written in YAML, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return quoted(value) if isinstance(value, str) else str(value)


def value_at(raw: Any, path: Path) -> Any:
    """The value at ``path`` in plain data, or None if there is none."""
    for part in path:
        try:
            raw = raw[part]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


def _type_at(root: type[msgspec.Struct], path: Path) -> Any:
    """The declared type of the value at ``path`` (keys as written in files)."""
    kind: Any = root
    for part in path:
        kind = unwrap(kind)
        if isinstance(part, int):
            args = typing.get_args(kind)
            kind = args[0] if args else None
        elif isinstance(kind, type) and issubclass(kind, msgspec.Struct):
            info = {f.encode_name: f.type for f in fields_of(kind)}
            kind = info.get(part)
        else:
            return None
    return unwrap(kind)


def unwrap(kind: Any) -> Any:
    """Strip Annotated[...] and Optional[...] down to the interesting type."""
    while True:
        origin = typing.get_origin(kind)
        if origin is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(kind) if a is not type(None)]
            if len(args) != 1:
                return kind
            kind = args[0]
        else:
            return kind


def field_names(root: type[msgspec.Struct], path: Path) -> list[str]:
    """The keys allowed at ``path`` (names as written in files)."""
    kind = _type_at(root, path)
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return [f.encode_name for f in fields_of(kind)]
    return []


def _choices(root: type[msgspec.Struct], path: Path) -> list[str]:
    kind = _type_at(root, path)
    if typing.get_origin(kind) is typing.Literal:
        return [str(a) for a in typing.get_args(kind)]
    return []


__all__ = [
    "TYPE_WORDS",
    "Explained",
    "explain",
    "explain_at",
    "field_names",
    "kind_of",
    "split_error",
    "unwrap",
    "value_at",
]
