"""Bytes on disk -> a validated :class:`~briefing.model.Briefing`.

Every failure becomes a :class:`BriefingError` whose problems read
``FILE:LINE:COL: message``; nothing here lets a traceback reach the user.
"""

from __future__ import annotations

import difflib
import gc
import os
import re
import types
import typing
from typing import Any

import msgspec

from briefing.loading import reading
from briefing.loading.cache import BriefingCache, disabled_by_env
from briefing.loading.problems import (
    BriefingError,
    Mark,
    Problem,
    YamlProblem,
    text_mark,
)
from briefing.model import Briefing, Figure
from briefing.model.checks import check, dotted

if typing.TYPE_CHECKING:
    from briefing.loading.yaml_reader import Found

MAX_BYTES = 64 * 1024 * 1024
"""Largest file we try to load: ~20x a 100,000-item briefing."""
MAX_PROBLEMS = 100
"""Problems reported per file; past this a person fixes and checks again."""
WORDS = reading.FileWords(
    folder="is a folder, not a briefing file",
    not_regular="is not a regular file (a pipe, socket or device?)",
    too_big="file is {size:,} bytes; briefings are limited to {limit:,} bytes",
    grew="file is larger than the limit; briefings are limited to {limit:,} bytes",
)

_TYPE_WORDS = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "null": "nothing (null)",
    "array": "a list",
    "object": "a mapping (key: value lines)",
}
_AT = re.compile(r"^(?P<msg>.*?)(?: - at `(?P<path>\$[^`]*)`)?$", re.DOTALL)
_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def load_path(
    path: str | os.PathLike[str],
    *,
    display: str | None = None,
    cache: bool | BriefingCache | None = None,
) -> Briefing:
    """Load and validate the briefing at ``path``.

    ``cache``: None uses the user's briefing cache unless ``BRIEFING_NO_CACHE``
    is set; False never uses it; True uses the default cache even so; or pass
    a :class:`BriefingCache` (e.g. on a temporary folder). Files smaller than
    the cache's ``min_bytes`` (by default none) are always parsed.
    """
    name = display or str(path)
    data = read_file(path, name)
    store = _cache_for(cache)
    if store is None or not store.wants(data):
        return load_bytes(data, name)
    briefing = store.get(path, data)
    if briefing is None:
        briefing = load_bytes(data, name)
        store.put(path, data, briefing)
    return briefing


def _cache_for(cache: bool | BriefingCache | None) -> BriefingCache | None:
    if isinstance(cache, BriefingCache):
        return cache
    if cache is False or (cache is None and disabled_by_env()):
        return None
    return BriefingCache()


def read_file(path: str | os.PathLike[str], name: str) -> bytes:
    """A briefing file's bytes, size-limited, never blocking on a FIFO or device."""
    return reading.read_file(path, name, limit=MAX_BYTES, error=BriefingError, words=WORDS)


def read_stream(stream: typing.BinaryIO, name: str) -> bytes:
    """Read a briefing from an open stream (``briefing check -``), size-limited."""
    return reading.read_stream(stream, name, limit=MAX_BYTES, error=BriefingError, words=WORDS)


def decode(data: bytes, name: str) -> str:
    """A briefing's bytes as text; problems are BriefingErrors."""
    return reading.decode(data, name, error=BriefingError, words=WORDS)


# YAML reads these as line breaks (YAML 1.1, as libyaml implements it);
# editors do not, so every line number after one would be wrong.
_ODD_BREAKS = {
    "\x85": "U+0085 (next line)",
    "\u2028": "U+2028 (line separator)",
    "\u2029": "U+2029 (paragraph separator)",
}
_ODD_BREAK_ESCAPES = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _odd_breaks(text: str, name: str) -> None:
    found = [(i, ch) for ch in _ODD_BREAKS if (i := text.find(ch)) != -1]
    if found:
        index, char = min(found)
        raise BriefingError(
            [
                Problem(
                    name,
                    text_mark(text, index),
                    f"character {_ODD_BREAKS[char]} would be read as a line break; "
                    f"delete it, or write {_ODD_BREAK_ESCAPES[char]} inside double quotes",
                )
            ]
        )


def _read(text: str, targets: list[tuple[str | int, ...]] | None = None) -> tuple[Any, Found]:
    # Imported on first use: a briefing served from the cache never needs
    # PyYAML, and importing it costs ~11 ms of start-up.
    from briefing.loading.yaml_reader import read

    return read(text, targets=targets)


def load_bytes(data: bytes, name: str) -> Briefing:
    """Validate briefing bytes; ``name`` is used in problem messages."""
    text = decode(data, name)
    _odd_breaks(text, name)
    # The collector finds nothing to free while we only build new objects,
    # and walking them all repeatedly costs about half the load time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        raw, _ = _read(text)
    except YamlProblem as exc:
        raise BriefingError([Problem(name, exc.mark, exc.message)]) from None
    finally:
        if was_enabled:
            gc.enable()
    return from_data(raw, text, name)


def from_data(raw: Any, text: str, name: str) -> Briefing:
    """Plain data (as read from ``text``) -> a checked Briefing."""
    if raw is None:
        raise BriefingError(
            [
                Problem(
                    name,
                    Mark(1, 1),
                    "the file is empty; a briefing starts with 'schema: 1' and a 'meta:' section",
                )
            ]
        )
    if not isinstance(raw, dict):
        raise BriefingError(
            [
                Problem(
                    name,
                    locate(text, ()),
                    "the top level must be a mapping with 'schema: 1', 'meta:', "
                    f"'delegations:' and so on, not {_kind(raw)}",
                )
            ]
        )
    try:
        briefing = msgspec.convert(raw, Briefing, dec_hook=_dec_hook)
    except msgspec.ValidationError as exc:
        path, message, on_key = _explain(str(exc), raw)
        raise BriefingError([Problem(name, locate(text, path, on_key=on_key), message)]) from None
    problems = check(briefing, limit=MAX_PROBLEMS + 1)
    if problems:
        found = _marks(text, [path for path, _ in problems[:MAX_PROBLEMS]])
        listed = [
            Problem(name, found.mark(path), f"{dotted(path)}: {message}")
            for path, message in problems[:MAX_PROBLEMS]
        ]
        if len(problems) > MAX_PROBLEMS:
            listed.append(
                Problem(
                    name,
                    None,
                    f"stopped after {MAX_PROBLEMS} problems; fix these and check again",
                )
            )
        raise BriefingError(listed)
    return briefing


def _dec_hook(kind: type, obj: Any) -> Any:
    if kind is Figure:
        return Figure.parse(obj)
    raise NotImplementedError(kind)


def locate(text: str, path: tuple[str | int, ...], *, on_key: bool = False) -> Mark:
    """The line and column of the node at ``path`` (or its deepest parent)."""
    return _marks(text, [path]).mark(path, on_key=on_key)


def _marks(text: str, paths: list[tuple[str | int, ...]]) -> Found:
    """Marks for many paths from one more read of ``text``."""
    try:
        _, found = _read(text, targets=paths)
    except YamlProblem:  # pragma: no cover - the text was read once already
        from briefing.loading.yaml_reader import Found

        return Found([])
    return found


def _explain(error: str, raw: Any) -> tuple[tuple[str | int, ...], str, bool]:
    """A msgspec validation message -> (path, message for people, on key?)."""
    match = _AT.match(error)
    assert match is not None  # the pattern matches any string
    msg = match.group("msg")
    path: tuple[str | int, ...] = tuple(
        int(index) if index else name for name, index in _PART.findall(match.group("path") or "$")
    )
    where = dotted(path) or "top level"
    if m := re.match(r"Object contains unknown field `(.*)`$", msg):
        key = m.group(1)
        fields = _field_names(path)
        close = difflib.get_close_matches(key, fields, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of: {', '.join(fields)}"
        return (*path, key), f"{where}: unknown key {key!r}{hint}", True
    if m := re.match(r"Object missing required field `(.*)`$", msg):
        key = m.group(1)
        if path == () and key == "schema":
            return path, "missing 'schema: 1' at the top of the file", False
        return path, f"{where}: missing required key {key!r}", False
    if path == ("schema",):
        value = _value_at(raw, path)
        if isinstance(value, int) and not isinstance(value, bool):
            return (
                path,
                (f"unsupported schema version {value}; this version of briefing reads 'schema: 1'"),
                False,
            )
        shown = f" ({value!r})" if isinstance(value, (str, float)) else ""
        return path, (f"schema: expected the number 1, got {_kind(value)}{shown}; write 'schema: 1'"), False
    if m := re.match(r"Expected `([\w |]+)`(?:.*?)?, got `(\w+)`$", msg):
        # Optional fields read "Expected `str | null`": null needs no mention.
        wants = [w for w in m.group(1).split(" | ") if w != "null"] or ["null"]
        got = m.group(2)
        value = _value_at(raw, path)
        if choices := _choices(path):
            if isinstance(value, (list, dict)):  # may be deep: never repr() it
                return path, (f"{where}: expected one of: {', '.join(choices)}; got {_kind(value)}"), False
            return path, (f"{where}: {_yaml_repr(value)} is not one of: {', '.join(choices)}"), False
        hint = ""
        if wants == ["bool"] and isinstance(value, str):
            hint = f" ({value!r}); write true or false"
        want = " or ".join(_TYPE_WORDS.get(w, w) for w in wants)
        return path, (f"{where}: expected {want}, got {_TYPE_WORDS.get(got, got)}{hint}"), False
    if msg.startswith("Invalid enum value"):
        choices = _choices(path)
        return path, (f"{where}: {_value_at(raw, path)!r} is not one of: {', '.join(choices)}"), False
    if "matching regex" in msg:
        return (
            path,
            (
                f"{where}: {_value_at(raw, path)!r} is not a valid id; use letters, "
                "digits, '-', '_' or '.' (at most 64 characters, no spaces)"
            ),
            False,
        )
    if "of length >= 1" in msg:
        return path, f"{where}: must not be empty", False
    if m := re.match(r"Expected `str` of length <= (\d+)", msg):
        return path, f"{where}: is longer than {int(m.group(1)):,} characters", False
    return path, f"{where}: {msg}", False


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, str):
        return "text"
    if value is None:
        return _TYPE_WORDS["null"]
    return _TYPE_WORDS.get(type(value).__name__, type(value).__name__)


def _yaml_repr(value: Any) -> str:
    """A value as it would be written in YAML, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


def _value_at(raw: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        try:
            raw = raw[part]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


def _type_at(path: tuple[str | int, ...]) -> Any:
    """The declared type of the value at ``path`` in the Briefing model."""
    kind: Any = Briefing
    for part in path:
        kind = _unwrap(kind)
        if isinstance(part, int):
            args = typing.get_args(kind)
            kind = args[0] if args else None
        elif isinstance(kind, type) and issubclass(kind, msgspec.Struct):
            info = {f.name: f.type for f in msgspec.structs.fields(kind)}
            kind = info.get(part)
        else:
            return None
    return _unwrap(kind)


def _unwrap(kind: Any) -> Any:
    """Strip Annotated[...] and Optional[...] down to the interesting type."""
    while True:
        origin = typing.get_origin(kind)
        if origin is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(kind) if a is not type(None)]
            kind = args[0] if len(args) == 1 else kind
            if len(args) != 1:
                return kind
        else:
            return kind


def _field_names(path: tuple[str | int, ...]) -> list[str]:
    kind = _type_at(path)
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return [f.name for f in msgspec.structs.fields(kind)]
    return []


def _choices(path: tuple[str | int, ...]) -> list[str]:
    kind = _type_at(path)
    if typing.get_origin(kind) is typing.Literal:
        return [str(a) for a in typing.get_args(kind)]
    return []


def line_of(path: str | os.PathLike[str], node: tuple[str | int, ...]) -> int:
    """The line where ``node`` starts in the file at ``path`` (1 if unknown).

    For opening an editor at an item: a file that no longer reads cleanly
    still gives its best guess instead of an error.
    """
    try:
        text = decode(read_file(path, str(path)), str(path))
        return locate(text, node).line
    except (BriefingError, YamlProblem):
        return 1


def check_paths(paths: list[str]) -> list[Problem]:
    """Validate several files; return every problem found (for ``check``)."""
    problems: list[Problem] = []
    for path in paths:
        problems.extend(check_one(lambda path=path: load_path(path), path))
    return problems


def check_one(load: typing.Callable[[], object], name: str) -> list[Problem]:
    """The problems ``load()`` reports, for ``check``.

    A failure that is not a BriefingError is a bug in briefing, not in the
    file; ``check`` still owes its caller one line per file, not a traceback.
    """
    try:
        load()
    except BriefingError as exc:
        return list(exc.problems)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        return [
            Problem(
                name,
                None,
                f"internal error while checking this file ({type(exc).__name__}: {exc}); please report it",
            )
        ]
    return []


__all__ = [
    "MAX_BYTES",
    "BriefingError",
    "Problem",
    "check_one",
    "check_paths",
    "load_bytes",
    "load_path",
    "line_of",
    "locate",
    "read_stream",
]
