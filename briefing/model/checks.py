"""Checks that types alone cannot express.

Each problem names the path of the offending value (as a tuple such as
``("quotes", 2, "speaker")``) so the loader can point at its line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from briefing.model.structs import ID_PATTERN, Briefing

Path = tuple[str | int, ...]

valid_id = re.compile(ID_PATTERN).fullmatch
"""Whether a string is a well-formed id (the model leaves this to us)."""


def check(briefing: Briefing, limit: int | None = None) -> list[tuple[Path, str]]:
    """Every cross-field problem in ``briefing`` in file order (at most ``limit``).

    The limit matters: aliases can repeat one bad item a million times.
    """
    return list(itertools.islice(_problems(briefing), limit))


def _problems(b: Briefing) -> Iterator[tuple[Path, str]]:
    # This walks every item on every load (0.3 s for 100,000 items when each
    # id got its message up front), so messages are built only for problems.
    seen: dict[str, tuple[str, Path]] = {}

    def unique(kind: str, ident: str, path: Path) -> tuple[Path, str] | None:
        if not valid_id(ident):
            return path, (
                f"{ident!r} is not a valid id; use letters, digits, '-', '_' or '.' "
                "(at most 64 characters, no spaces)"
            )
        first = seen.get(ident)
        if first is None:
            seen[ident] = (kind, path)
            return None
        return path, f"id {ident!r} is already used by {first[0]} at {dotted(first[1][:-1])}"

    # People and delegations share one namespace: both can be quoted.
    for d_i, delegation in enumerate(b.delegations):
        if problem := unique("delegation", delegation.id, ("delegations", d_i, "id")):
            yield problem
        for m_i, person in enumerate(delegation.members):
            if problem := unique("person", person.id, ("delegations", d_i, "members", m_i, "id")):
                yield problem
    refs = set(seen)
    known: list[str] = []  # all ids, joined only once a reference is unknown

    def unknown(value: str, path: Path, what: str) -> tuple[Path, str]:
        if not known:
            known.append(", ".join(sorted(refs)) or "none are defined")
        return path, (
            f"{what} {value!r} is not a person or delegation in this briefing "
            f"(known ids: {_shorten(known[0])})"
        )

    for d_i, delegation in enumerate(b.delegations):
        if delegation.lead is not None and delegation.lead not in {p.id for p in delegation.members}:
            yield (
                ("delegations", d_i, "lead"),
                (f"lead {delegation.lead!r} is not a member of this delegation"),
            )
    for i, item in enumerate(b.agenda):
        if problem := unique("agenda item", item.id, ("agenda", i, "id")):
            yield problem
        for r_i, who in enumerate(item.raised_by):
            if who not in refs:
                yield unknown(who, ("agenda", i, "raised_by", r_i), "raised_by")
    for i, quote in enumerate(b.quotes):
        if problem := unique("quote", quote.id, ("quotes", i, "id")):
            yield problem
        if quote.speaker not in refs:
            yield unknown(quote.speaker, ("quotes", i, "speaker"), "speaker")
    if b.strikes is not None:
        reported_by = b.strikes.reported_by
        if reported_by is not None and reported_by not in refs:
            yield unknown(reported_by, ("strikes", "reported_by"), "reported_by")
        for i, count in enumerate(b.strikes.counts):
            if problem := unique("strike count", count.id, ("strikes", "counts", i, "id")):
                yield problem
            if count.intercepted.lower > count.launched.upper:
                yield (
                    ("strikes", "counts", i, "intercepted"),
                    (f"intercepted ({count.intercepted.text}) is more than launched ({count.launched.text})"),
                )
    for i, event in enumerate(b.timeline):
        if problem := unique("event", event.id, ("timeline", i, "id")):
            yield problem
        for r_i, who in enumerate(event.involves):
            if who not in refs:
                yield unknown(who, ("timeline", i, "involves", r_i), "involves")


def dotted(path: Path) -> str:
    """A path as people read it: ``("quotes", 2, "speaker")`` -> ``quotes[2].speaker``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
