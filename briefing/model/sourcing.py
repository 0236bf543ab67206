"""Which reports each item comes from, and the checks of ``source:`` ids.

A briefing lists its reports under ``sources:``; quotes, agenda items,
events, the strike tally and its counts (any struct that declares a
``source`` field, so a new kind only has to declare it) name theirs by id.
An item that names none belongs to the only source when there is exactly
one; a briefing without ``sources:`` falls back on ``meta.source``. A count
without ``source:`` takes its tally's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefing.model.items import STRUCTS, Path, items
from briefing.model.structs import ID_PATTERN, Briefing, Report, Source, SourceRef, StrikeTally

_HOLDERS: dict[str, type] = {**STRUCTS, "tally": StrikeTally}
SOURCED: frozenset[str] = frozenset(
    kind for kind, struct in _HOLDERS.items() if "source" in getattr(struct, "__struct_fields__", ())
)
"""Kinds (and parts) whose objects may name their sources with ``source:``."""


def source_ids(value: SourceRef | None) -> list[str]:
    """A ``source:`` value as a list of ids (empty when absent)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _declares_source(obj: object) -> bool:
    return "source" in getattr(type(obj), "__struct_fields__", ())


class Sources:
    """A briefing's reports by id, and the reports of each item."""

    def __init__(self, briefing: Briefing) -> None:
        self.reports: dict[str, Report] = {}
        for report in briefing.sources:
            self.reports.setdefault(report.id, report)
        default: list[Report | Source] = []
        if len(briefing.sources) == 1:
            default = [briefing.sources[0]]
        elif not briefing.sources and briefing.meta.source is not None:
            default = [briefing.meta.source]
        self.default: tuple[Report | Source, ...] = tuple(default)
        """What an item that names no source comes from (maybe nothing)."""

    def __bool__(self) -> bool:
        return bool(self.reports or self.default)

    @property
    def every(self) -> list[Report | Source]:
        """Every report the briefing draws on: its ``sources:``, else ``meta.source``."""
        return [*self.reports.values()] or list(self.default)

    def named(self, obj: object, owner: object = None) -> list[str]:
        """The source ids ``obj`` names itself (else its owner: a count's tally)."""
        if not _declares_source(obj):
            return []
        return source_ids(getattr(obj, "source", None)) or source_ids(getattr(owner, "source", None))

    def of(self, obj: object, owner: object = None) -> list[Report | Source]:
        """The reports ``obj`` comes from: the ones it names, else the default."""
        if not _declares_source(obj):
            return []
        ids = self.named(obj, owner)
        if ids:
            return [self.reports[i] for i in dict.fromkeys(ids) if i in self.reports]
        return list(self.default)


def describe(report: Report | Source) -> str:
    """A report in one line, as citations give it: Outlet, "Headline", Published, URL."""
    text = report.outlet
    if report.headline:
        text += f', "{report.headline}"'
    if report.published:
        text += f", {report.published}"
    if report.url:
        text += f", {report.url}"
    return text


def source_problems(briefing: Briefing) -> Iterator[tuple[Path, str]]:
    """Malformed or repeated source ids, and ``source:`` ids that name no source."""
    import re

    valid = re.compile(ID_PATTERN).fullmatch
    seen: dict[str, int] = {}
    for i, report in enumerate(briefing.sources):
        if not valid(report.id):
            yield (
                ("sources", i, "id"),
                (
                    f"{report.id!r} is not a valid id; use letters, digits, '-', '_' or '.' "
                    "(at most 64 characters, no spaces)"
                ),
            )
        elif report.id in seen:
            yield (
                ("sources", i, "id"),
                f"source id {report.id!r} is already used by sources[{seen[report.id]}]",
            )
        else:
            seen[report.id] = i
    known = ", ".join(sorted(seen)) or "the briefing has no sources: list"
    for kind, _ident, obj, _owner, path in items(briefing, parts=True):
        if kind not in SOURCED:
            continue
        value: Any = getattr(obj, "source", None)
        if value is None:
            continue
        for where, ident in _refs(value, path):
            if ident not in seen:
                yield where, f"source {ident!r} is not one of the briefing's sources (known: {_short(known)})"


def _refs(value: SourceRef, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield (*path, "source"), value
    else:
        for i, ident in enumerate(value):
            yield (*path, "source", i), ident


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["SOURCED", "Sources", "describe", "source_ids", "source_problems"]
