"""Checks that types alone cannot express.

Each problem names the path of the offending value (as a tuple such as
``("quotes", 2, "speaker")``) so the loader can point at its line.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from briefing.format.model import Briefing

Path = tuple[str | int, ...]


def check(briefing: Briefing, limit: int | None = None) -> list[tuple[Path, str]]:
    """Every cross-field problem in ``briefing`` in file order (at most ``limit``).

    The limit matters: aliases can repeat one bad item a million times.
    """
    return list(itertools.islice(_problems(briefing), limit))


def _problems(b: Briefing) -> Iterator[tuple[Path, str]]:
    seen: dict[str, str] = {}

    def unique(kind: str, ident: str, path: Path) -> Iterator[tuple[Path, str]]:
        if ident in seen:
            yield path, f"id {ident!r} is already used by {seen[ident]}"
        else:
            seen[ident] = f"{kind} at {_dotted(path[:-1])}"

    # People and delegations share one namespace: both can be quoted.
    for d_i, delegation in enumerate(b.delegations):
        yield from unique("delegation", delegation.id, ("delegations", d_i, "id"))
        for m_i, person in enumerate(delegation.members):
            yield from unique(
                "person", person.id, ("delegations", d_i, "members", m_i, "id")
            )
    refs = set(seen)
    known = ", ".join(sorted(refs)) or "none are defined"

    def ref(value: str, path: Path, what: str) -> Iterator[tuple[Path, str]]:
        if value not in refs:
            yield path, (
                f"{what} {value!r} is not a person or delegation in this briefing "
                f"(known ids: {_shorten(known)})"
            )

    for d_i, delegation in enumerate(b.delegations):
        if delegation.lead is not None and delegation.lead not in {
            p.id for p in delegation.members
        }:
            yield ("delegations", d_i, "lead"), (
                f"lead {delegation.lead!r} is not a member of this delegation"
            )
    for i, item in enumerate(b.agenda):
        yield from unique("agenda item", item.id, ("agenda", i, "id"))
        for r_i, who in enumerate(item.raised_by):
            yield from ref(who, ("agenda", i, "raised_by", r_i), "raised_by")
    for i, quote in enumerate(b.quotes):
        yield from unique("quote", quote.id, ("quotes", i, "id"))
        yield from ref(quote.speaker, ("quotes", i, "speaker"), "speaker")
    if b.strikes is not None:
        if b.strikes.reported_by is not None:
            yield from ref(
                b.strikes.reported_by, ("strikes", "reported_by"), "reported_by"
            )
        for i, count in enumerate(b.strikes.counts):
            yield from unique("strike count", count.id, ("strikes", "counts", i, "id"))
            if count.intercepted.lower > count.launched.upper:
                yield ("strikes", "counts", i, "intercepted"), (
                    f"intercepted ({count.intercepted.text}) is more than "
                    f"launched ({count.launched.text})"
                )
    for i, event in enumerate(b.timeline):
        yield from unique("event", event.id, ("timeline", i, "id"))
        for r_i, who in enumerate(event.involves):
            yield from ref(who, ("timeline", i, "involves", r_i), "involves")


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
