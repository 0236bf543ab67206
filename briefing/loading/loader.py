"""Bytes on disk -> a validated :class:`~briefing.format.Briefing`.

Every failure becomes a :class:`BriefingError` whose problems read
``FILE:LINE:COL: message``; nothing here lets a traceback reach the user.
"""

from __future__ import annotations

import difflib
import gc
import os
import re
import stat
import types
import typing
from typing import Any

import msgspec

from briefing.format import Briefing, Figure
from briefing.format.checks import check
from briefing.loading.cache import BriefingCache, disabled_by_env
from briefing.loading.problems import BriefingError, Mark, Problem, YamlProblem

MAX_BYTES = 64 * 1024 * 1024
"""Largest file we try to load: ~20x a 100,000-item briefing."""

_BOM = b"\xef\xbb\xbf"
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
    the cache's ``min_bytes`` are always parsed: that is faster.
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
    """Read a briefing file without ever blocking on a FIFO or device."""

    def fail(message: str) -> BriefingError:
        return BriefingError([Problem(name, None, message)])

    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise fail("is a folder, not a briefing file")
        if not stat.S_ISREG(info.st_mode):
            raise fail("is not a regular file (a pipe, socket or device?)")
        if info.st_size > MAX_BYTES:
            raise fail(_too_big(info.st_size))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except IsADirectoryError:
        raise fail("is a folder, not a briefing file") from None
    except OSError as exc:
        raise fail(exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:  # grew while we read it
        raise fail(_too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return (
        f"file is {size / 1_048_576:.1f} MB; briefings are limited to "
        f"{MAX_BYTES // 1_048_576} MB"
    )


def decode(data: bytes, name: str) -> str:
    """UTF-8 bytes -> text; a BOM is accepted, NUL and invalid bytes are not."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    nul = data.find(b"\0")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if nul == -1 or exc.start < nul:
            raise BriefingError(
                [
                    Problem(
                        name,
                        _byte_mark(data, exc.start),
                        f"byte 0x{data[exc.start]:02x} is not valid UTF-8; "
                        "save the file as UTF-8",
                    )
                ]
            ) from None
        text = ""
    if nul != -1:
        raise BriefingError(
            [Problem(name, _byte_mark(data, nul), "NUL byte in file; is it binary?")]
        )
    return text


def _byte_mark(data: bytes, offset: int) -> Mark:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return Mark(before.count(b"\n") + 1, column)


def _read(text: str, target: tuple[str | int, ...] | None = None) -> tuple[Any, Any]:
    # Imported on first use: a briefing served from the cache never needs
    # PyYAML, and importing it costs ~11 ms of start-up.
    from briefing.loading.yaml_reader import read

    return read(text, target=target)


def load_bytes(data: bytes, name: str) -> Briefing:
    """Validate briefing bytes; ``name`` is used in problem messages."""
    text = decode(data, name)
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
                    "the file is empty; a briefing starts with 'schema: 1' "
                    "and a 'meta:' section",
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
        raise BriefingError(
            [Problem(name, locate(text, path, on_key=on_key), message)]
        ) from None
    problems = check(briefing)
    if problems:
        raise BriefingError(
            [
                Problem(name, locate(text, path), f"{_dotted(path)}: {message}")
                for path, message in problems
            ]
        )
    return briefing


def _dec_hook(kind: type, obj: Any) -> Any:
    if kind is Figure:
        return Figure.parse(obj)
    raise NotImplementedError(kind)


def locate(text: str, path: tuple[str | int, ...], *, on_key: bool = False) -> Mark:
    """The line and column of the node at ``path`` (or its deepest parent)."""
    try:
        _, found = _read(text, target=path)
    except YamlProblem:  # pragma: no cover - the text was read once already
        return Mark(1, 1)
    depth = len(found.values) - 1
    if on_key and len(path) in found.keys:
        return found.keys[len(path)]
    if depth < len(path) and depth + 1 in found.keys:
        return found.keys[depth + 1]  # the key exists but its value is empty
    return found.values[depth] if found.values else Mark(1, 1)


def _explain(error: str, raw: Any) -> tuple[tuple[str | int, ...], str, bool]:
    """A msgspec validation message -> (path, message for people, on key?)."""
    match = _AT.match(error)
    assert match is not None  # the pattern matches any string
    msg = match.group("msg")
    path: tuple[str | int, ...] = tuple(
        int(index) if index else name
        for name, index in _PART.findall(match.group("path") or "$")
    )
    where = _dotted(path) or "top level"
    if m := re.match(r"Object contains unknown field `(.*)`$", msg):
        key = m.group(1)
        fields = _field_names(path)
        close = difflib.get_close_matches(key, fields, n=1)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else f"; expected one of: {', '.join(fields)}"
        )
        return (*path, key), f"{where}: unknown key {key!r}{hint}", True
    if m := re.match(r"Object missing required field `(.*)`$", msg):
        key = m.group(1)
        if path == () and key == "schema":
            return path, "missing 'schema: 1' at the top of the file", False
        return path, f"{where}: missing required key {key!r}", False
    if path == ("schema",):
        return path, (
            f"unsupported schema version {_value_at(raw, path)!r}; "
            "this version of briefing reads 'schema: 1'"
        ), False
    if m := re.match(r"Expected `(\w+)`(?:.*?)?, got `(\w+)`$", msg):
        want, got = m.group(1), m.group(2)
        hint = ""
        value = _value_at(raw, path)
        if want == "bool" and isinstance(value, str):
            hint = f" ({value!r}); write true or false"
        return path, (
            f"{where}: expected {_TYPE_WORDS.get(want, want)}, "
            f"got {_TYPE_WORDS.get(got, got)}{hint}"
        ), False
    if msg.startswith("Invalid enum value"):
        choices = _choices(path)
        return path, (
            f"{where}: {_value_at(raw, path)!r} is not one of: {', '.join(choices)}"
        ), False
    if "matching regex" in msg:
        return path, (
            f"{where}: {_value_at(raw, path)!r} is not a valid id; use letters, "
            "digits, '-', '_' or '.' (at most 64 characters, no spaces)"
        ), False
    if "of length >= 1" in msg:
        return path, f"{where}: must not be empty", False
    if m := re.match(r"Expected `str` of length <= (\d+)", msg):
        return path, f"{where}: is longer than {int(m.group(1)):,} characters", False
    return path, f"{where}: {msg}", False


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    return _TYPE_WORDS.get(type(value).__name__, type(value).__name__)


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
        try:
            load_path(path)
        except BriefingError as exc:
            problems.extend(exc.problems)
    return problems


__all__ = [
    "MAX_BYTES",
    "BriefingError",
    "Problem",
    "check_paths",
    "load_bytes",
    "load_path",
    "line_of",
    "locate",
]
