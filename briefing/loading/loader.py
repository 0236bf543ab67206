"""Bytes on disk -> a validated :class:`~briefing.model.Briefing`.

Every failure becomes a :class:`BriefingError` whose problems read
``FILE:LINE:COL: message``; nothing here lets a traceback reach the user.
"""

from __future__ import annotations

import gc
import os
import typing
from typing import Any

import msgspec

from briefing.loading import reading
from briefing.loading.cache import BriefingCache, dec_hook, disabled_by_env
from briefing.loading.problems import (
    BriefingError,
    Mark,
    Problem,
    YamlProblem,
    text_mark,
)
from briefing.model import Briefing
from briefing.model.checks import check, dotted
from briefing.model.text import quoted

if typing.TYPE_CHECKING:
    from briefing.loading.found import Found

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
    from briefing.loading.yaml_strict import read

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
        raw, found = _read(text)
    except YamlProblem as exc:
        raise BriefingError([Problem(name, exc.mark, exc.message)]) from None
    finally:
        if was_enabled:
            gc.enable()
    if not found.fast:
        return from_data(raw, text, name)
    briefing = _valid(raw)
    if briefing is not None:
        return briefing
    # The fast reader's keys and numbers can differ from the careful
    # reading only in what is wrong (a key 1 against "1"): find and report
    # problems on the careful reading, whose rules and words they assume.
    try:
        careful, _ = _read(text, targets=[])
    except YamlProblem as exc:
        if not exc.syntax:  # a rule of ours, such as the nesting limit
            raise BriefingError([Problem(name, exc.mark, exc.message)]) from None
        careful = raw  # valid YAML libyaml cannot read: report on the fast reading
    return from_data(careful, text, name)


def _valid(raw: Any) -> Briefing | None:
    """``raw`` as a checked Briefing, or None, without listing problems."""
    if not isinstance(raw, dict):
        return None
    try:
        briefing = msgspec.convert(raw, Briefing, dec_hook=dec_hook)
    except msgspec.ValidationError:
        return None
    return None if check(briefing, limit=1) else briefing


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
        from briefing.loading.explain import kind_of

        raise BriefingError(
            [
                Problem(
                    name,
                    locate(text, ()),
                    "the top level must be a mapping with 'schema: 1', 'meta:', "
                    f"'delegations:' and so on, not {kind_of(raw)}",
                )
            ]
        )
    try:
        briefing = msgspec.convert(raw, Briefing, dec_hook=dec_hook)
    except msgspec.ValidationError as exc:
        raise BriefingError(_every_problem(str(exc), raw, text, name)) from None
    problems = check(briefing, limit=MAX_PROBLEMS + 1)
    if problems:
        raise BriefingError(
            _listed([(path, f"{dotted(path)}: {m}", False) for path, m in problems], text, name)
        )
    return briefing


def _every_problem(error: str, raw: dict[str, Any], text: str, name: str) -> list[Problem]:
    """Every value that does not fit the model (not only msgspec's first),
    and the checks between fields on the rest of the file."""
    from briefing.loading.explain import split_error
    from briefing.loading.validate import checks_beside, type_problems

    pairs = type_problems(raw, Briefing, dec_hook=dec_hook, limit=MAX_PROBLEMS + 1)
    explained = [_explain(path, msg, raw) for path, msg in pairs or [split_error(error, raw)]]

    def run_checks(rest: Any) -> list[tuple[tuple[str | int, ...], str]]:
        return check(msgspec.convert(rest, Briefing, dec_hook=dec_hook), limit=MAX_PROBLEMS + 1)

    cross = checks_beside(raw, [(path, on_key) for path, _, on_key in explained], run_checks)
    return _listed(explained + [(path, f"{dotted(path)}: {m}", False) for path, m in cross], text, name)


def problems_at(found: list[tuple[tuple[str | int, ...], str]], text: str, name: str) -> list[Problem]:
    """``(path, message)`` pairs found in the briefing ``text`` -> problems at
    their places, in file order, capped (for checks made after loading)."""
    return _listed([(path, message, False) for path, message in found], text, name)


def _listed(entries: list[tuple[tuple[str | int, ...], str, bool]], text: str, name: str) -> list[Problem]:
    """(path, message, on key?) -> problems at their places, in file order, capped."""
    found = _marks(text, [path for path, _, _ in entries])
    listed = [Problem(name, found.mark(path, on_key=on_key), message) for path, message, on_key in entries]
    # A missing key is reported at its mapping, which starts before the keys
    # that are there, and sections may come in any order: sort by place.
    listed.sort(key=lambda p: p.mark or Mark(1 << 30, 0))
    return _capped(listed[:MAX_PROBLEMS], len(listed), name)


def _capped(listed: list[Problem], total: int, name: str) -> list[Problem]:
    """``listed``, with a last line saying so when ``total`` went past the limit."""
    if total > MAX_PROBLEMS:
        listed.append(
            Problem(name, None, f"stopped after {MAX_PROBLEMS} problems; fix these and check again")
        )
    return listed


def _explain(path: tuple[str | int, ...], msg: str, raw: Any) -> tuple[tuple[str | int, ...], str, bool]:
    """A msgspec validation message -> (path, message for people, on key?).

    The ``schema`` key gets its own words (a version, not just a number);
    the rest is the same for every file format.
    """
    # Only a briefing that fails to validate needs the explainer.
    from briefing.loading.explain import explain_at, kind_of, value_at

    if path == () and msg == "Object missing required field `schema`":
        return path, "missing 'schema: 1' at the top of the file", False
    if path == ("schema",):
        value = value_at(raw, path)
        if isinstance(value, int) and not isinstance(value, bool):
            return (
                path,
                f"unsupported schema version {value}; this version of briefing reads 'schema: 1'",
                False,
            )
        shown = f" ({quoted(value)})" if isinstance(value, (str, float)) else ""
        return path, f"schema: expected the number 1, got {kind_of(value)}{shown}; write 'schema: 1'", False
    return explain_at(path, msg, Briefing, raw)


def locate(text: str, path: tuple[str | int, ...], *, on_key: bool = False) -> Mark:
    """The line and column of the node at ``path`` (or its deepest parent)."""
    return _marks(text, [path]).mark(path, on_key=on_key)


def _marks(text: str, paths: list[tuple[str | int, ...]]) -> Found:
    """Marks for many paths from one more read of ``text``."""
    try:
        _, found = _read(text, targets=paths)
    except YamlProblem:  # pragma: no cover - the text was read once already
        from briefing.loading.found import Found

        return Found([])
    return found


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


__all__ = [
    "MAX_BYTES",
    "BriefingError",
    "Problem",
    "load_bytes",
    "load_path",
    "line_of",
    "locate",
    "problems_at",
    "read_file",
    "read_stream",
]
