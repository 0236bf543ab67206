"""Checking a briefing against the texts of its reports (``briefing check``).

Where an item's report has a ``file:``, its quote must be in that text
verbatim (see :mod:`briefing.sources.text` for what is ignored) and its
figures must be there as reported (:mod:`briefing.sources.numbers`). Each
report's file is read once, through the one safe reader, and never written.
A file that cannot be read is one problem at its ``file:``; the items that
depend on it are then not checked against it.
"""

from __future__ import annotations

import functools
import gc
import itertools
import os
from collections.abc import Hashable, Iterator
from difflib import SequenceMatcher
from pathlib import Path as FilePath
from typing import Any, NamedTuple, cast

import msgspec

from briefing.loading import MAX_PROBLEMS, reading
from briefing.loading.loader import decode as decode_briefing
from briefing.loading.loader import load_bytes, load_path, problems_at
from briefing.loading.loader import read_file as read_briefing
from briefing.loading.problems import BriefingError, ProblemsError
from briefing.model import Briefing, Figure, Report, Source
from briefing.model.checks import dotted
from briefing.model.items import Item, Path, items
from briefing.model.sourcing import SOURCED, Sources
from briefing.sources.normal import normalise
from briefing.sources.numbers import Numbers
from briefing.sources.text import Passage, SourceText

MAX_SOURCE_BYTES = 32 * 1024 * 1024
"""Largest report text we read: a long report is a few hundred kilobytes."""
WORDS = reading.FileWords(
    folder="is a folder, not a text file",
    not_regular="is not a regular file (a pipe, socket or device?)",
    too_big="file is {size:,} bytes; source texts are limited to {limit:,} bytes",
    grew="file is larger than the limit; source texts are limited to {limit:,} bytes",
)
VERBATIM: dict[str, tuple[str, ...]] = {"quote": ("text",)}
"""The fields of each kind that must be in the report word for word."""
EXCERPT = 80
"""Most characters of a passage a message shows."""


class SourceFileError(ProblemsError):
    """A report's text could not be read."""


class ReportText(NamedTuple):
    """A report's text as read for one briefing: the text, or why not."""

    name: str
    """The ``file:`` as written, for messages."""
    path: FilePath
    text: SourceText | None
    problem: str | None


class Library:
    """The texts of a briefing's reports, each read and indexed once, on demand."""

    def __init__(self, briefing: Briefing, base: str | os.PathLike[str] | None) -> None:
        self.sources = Sources(briefing)
        self.base = FilePath(base) if base is not None else FilePath.cwd()
        self._texts: dict[str, ReportText] = {}
        self._numbers: dict[FilePath, Numbers] = {}
        self._by_ref: dict[tuple[object, object, object], list[ReportText]] = {}

    def text_of(self, report: Report | Source) -> ReportText | None:
        """The text of ``report`` (None when it names no ``file:``)."""
        file = getattr(report, "file", None)
        if not file:
            return None
        read = self._texts.get(file)
        if read is None:
            read = self._texts[file] = _read(file, self.base / file)
        return read

    def numbers_of(self, read: ReportText) -> Numbers | None:
        if read.text is None:
            return None
        if read.path not in self._numbers:
            self._numbers[read.path] = Numbers(read.text)
        return self._numbers[read.path]

    def texts(self, obj: object, owner: object = None) -> list[ReportText]:
        """The readable texts of the reports ``obj`` comes from."""
        # Items name few distinct sources: work each answer out once (10,000
        # quotes of one report made 10,000 look-ups of the same list).
        source = getattr(obj, "source", None)
        above = None if owner is None else getattr(owner, "source", None)
        key = (type(obj), _ref(source) if source.__class__ is list else source, _ref(above))
        texts = self._by_ref.get(key)
        if texts is None:
            found = (self.text_of(report) for report in self.sources.of(obj, owner))
            texts = self._by_ref[key] = [read for read in found if read is not None and read.text is not None]
        return texts


def _ref(value: object) -> object:
    """A ``source:`` value as a dictionary key (a list of ids as a tuple)."""
    return tuple(value) if isinstance(value, list) else value


def _read(name: str, path: FilePath) -> ReportText:
    try:
        data = reading.read_file(path, name, limit=MAX_SOURCE_BYTES, error=SourceFileError, words=WORDS)
        text = reading.decode(data, name, error=SourceFileError, words=WORDS)
    except SourceFileError as exc:
        return ReportText(name, path, None, exc.first.message)
    return ReportText(name, path, SourceText(text), None)


def verify(briefing: Briefing, base: str | os.PathLike[str] | None) -> list[tuple[Path, str]]:
    """Every quote or figure not found in its report's text, and every
    report text that cannot be read, as ``(path, message)``; ``base`` is the
    briefing's folder (``file:`` is relative to it)."""
    library = Library(briefing, base)
    # As in loading: the collector finds nothing to free while the indexes
    # are built, and walking their objects again and again costs ~30%.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        # Past the limit `check` stops listing; a closest passage costs ~2 ms.
        return list(itertools.islice(_problems(briefing, library), MAX_PROBLEMS + 1))
    finally:
        if was_enabled:
            gc.enable()


def _problems(briefing: Briefing, library: Library) -> Iterator[tuple[Path, str]]:
    for i, report in enumerate(briefing.sources):
        read = library.text_of(report)
        if read is not None and read.problem is not None:
            yield ("sources", i, "file"), f"sources[{i}].file: cannot read {read.name}: {read.problem}"
    checked: list[Item] = []
    # The verbatim values of the items of each kind and sources, with the
    # sources' texts and which item each value is of. (Per item, only what
    # cannot be done once per kind or per sources: 10,000 quotes.)
    groups: dict[object, tuple[list[ReportText], list[int], list[str]]] = {}
    figured: list[int] = []
    shapes: dict[str, tuple[tuple[str, ...], bool]] = {}
    last: tuple[object, object, object] = (object(), None, None)
    group: tuple[list[ReportText], list[int], list[str]] = ([], [], [])
    for item in items(briefing):
        kind, _ident, obj, owner, _path = item
        shape = shapes.get(kind)
        if shape is None:
            shape = shapes[kind] = _shape(kind, obj)
        fields, figures = shape
        if not (fields or figures):  # nothing of it to check
            continue
        source = getattr(obj, "source", None)
        if source is not last[0] or kind is not last[1] or owner is not last[2]:  # else as the item before
            last = (source, kind, owner)
            ref = tuple(source) if source.__class__ is list else source
            key = (kind, ref, None if owner is None else id(owner))
            if key not in groups:
                groups[key] = (library.texts(obj, owner), [], [])
            group = groups[key]
        if not group[0]:
            continue
        at = len(checked)
        checked.append(item)
        for field in fields:
            value = getattr(obj, field, None)
            if isinstance(value, str):
                group[1].append(at)
                group[2].append(value)
        if figures:
            figured.append(at)
    # Each text is indexed once, for all the quotes it must hold, and they
    # are all found at once; only the items with a problem, or with figures,
    # are then gone through one by one.
    wanted: dict[int, tuple[SourceText, list[list[str]]]] = {}
    for texts, _ats, values in groups.values():
        for read in texts:
            assert read.text is not None
            wanted.setdefault(id(read.text), (read.text, []))[1].append(values)
    for source, lists in wanted.values():
        source.prepare(itertools.chain.from_iterable(lists))
    missing: dict[int, set[str]] = {}
    for texts, ats, values in groups.values():
        if not values:
            continue
        # Not verbatim: in none of the item's texts.
        absent = set.intersection(*(read.text.missing() for read in texts if read.text is not None))
        for at, value in itertools.compress(zip(ats, values, strict=True), map(absent.__contains__, values)):
            missing.setdefault(at, set()).add(value)
    for at in sorted({*missing, *figured}):
        kind, _ident, obj, owner, path = checked[at]
        texts = library.texts(obj, owner)
        for field in VERBATIM.get(kind, ()):
            if getattr(obj, field, None) in missing.get(at, ()):
                value = getattr(obj, field)
                yield (*path, field), _not_verbatim((*path, field), value, texts)
        for field, figure in figures_of(obj):
            if not any(_figure_in(library, read, figure) for read in texts):
                names = " or ".join(read.name for read in texts)
                how = "with its wording " if not figure.exact else ""
                yield (*path, field), f"{dotted((*path, field))}: {figure.text} not found {how}in {names}"


def _shape(kind: str, obj: object) -> tuple[tuple[str, ...], bool]:
    """What there is to check of each item of ``kind``: its verbatim fields,
    and whether it has figures."""
    if kind not in SOURCED:
        return (), False
    return VERBATIM.get(kind, ()), bool(_figure_fields(cast("Hashable", type(obj))))


def figures_of(obj: object) -> Iterator[tuple[str, Figure]]:
    """The reported figures an item holds, by field (any field typed Figure)."""
    for field in _figure_fields(cast("Hashable", type(obj))):
        value = getattr(obj, field)
        if value.known:
            yield field, value


@functools.cache
def _figure_fields(struct: Hashable) -> tuple[str, ...]:
    if not (isinstance(struct, type) and issubclass(struct, msgspec.Struct)):
        return ()
    return tuple(f.name for f in msgspec.structs.fields(struct) if f.type is Figure)


def _figure_in(library: Library, read: ReportText, figure: Figure) -> bool:
    numbers = library.numbers_of(read)
    return numbers is not None and numbers.contains(figure)


def _not_verbatim(path: Path, value: str, texts: list[ReportText]) -> str:
    names = " or ".join(read.name for read in texts)
    best: tuple[Passage, ReportText] | None = None
    for read in texts:
        assert read.text is not None
        passage = read.text.closest(value)
        if passage is not None and (best is None or passage.ratio > best[0].ratio):
            best = (passage, read)
    message = f"{dotted(path)}: not found verbatim in {names}"
    if best is None:
        return message + "; no similar passage found"
    passage, read = best
    assert read.text is not None
    shown = excerpt(value, read.text.text[passage.start : passage.end])
    return f'{message}; closest passage: "{shown}"'


def excerpt(wanted: str, passage: str, limit: int = EXCERPT) -> str:
    """``passage`` on one line, cut to about ``limit`` characters around the
    first place it differs from ``wanted``, so the difference shows."""
    text = normalise(passage)
    if len(text) <= limit:
        return text
    target = normalise(wanted)
    matcher = SequenceMatcher(None, target, text, autojunk=False)
    first = next((j1 for tag, _i1, _i2, j1, _j2 in matcher.get_opcodes() if tag != "equal"), 0)
    start = max(0, min(first - limit // 3, len(text) - limit))
    cut = text[start : start + limit]
    return ("…" if start > 0 else "") + cut + ("…" if start + limit < len(text) else "")


def check_path(path: str | os.PathLike[str], display: str | None = None, **load: Any) -> Briefing:
    """Load the briefing at ``path`` and verify it against its reports' texts.

    Raises :class:`BriefingError` with every problem, loading or sourcing.
    """
    name = display or str(path)
    briefing = load_path(path, display=name, **load)
    found = verify(briefing, FilePath(path).parent)
    if found:
        text = decode_briefing(read_briefing(path, name), name)
        raise BriefingError(problems_at(found, text, name))
    return briefing


def check_bytes(data: bytes, name: str, base: str | os.PathLike[str] | None = None) -> Briefing:
    """Like :func:`check_path` for a briefing read from a stream (``base``: the folder)."""
    briefing = load_bytes(data, name)
    found = verify(briefing, base)
    if found:
        raise BriefingError(problems_at(found, decode_briefing(data, name), name))
    return briefing


__all__ = ["Library", "check_bytes", "check_path", "excerpt", "figures_of", "verify"]
