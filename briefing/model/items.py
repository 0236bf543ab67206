"""The kinds of item in a briefing and the one walk over them, in file order.

An *item* is anything with an id that a view lists, a search finds or a diff
marks: a delegation, a person, an agenda item, a quote, a weapon count, a
reported figure or a timeline event. Ids are unique across the whole briefing.

Everything that goes over "every item" (checks, diff, sides, search, the
command palette, the detail view, the plain text, the panes' counts) takes
the kinds and the items from here, so a new kind or section is added here,
plus its renderer in each view (tests/test_items.py lists them).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, groupby
from typing import Any

from briefing.model.structs import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Person,
    Quote,
    ReportedFigure,
    StrikeTally,
    WeaponCount,
)

Path = tuple[str | int, ...]
"""Where a value sits in the file, e.g. ``("delegations", 0, "members", 2)``."""

SECTIONS: dict[str, tuple[str, ...]] = {
    "delegations": ("delegation", "person"),
    "agenda": ("agenda",),
    "quotes": ("quote",),
    "strikes": ("count",),
    "figures": ("figure",),
    "timeline": ("event",),
}
"""Each top-level key of the file that holds items, with the kinds it holds."""

KINDS: tuple[str, ...] = tuple(chain.from_iterable(SECTIONS.values()))
"""Item kinds, in the order their items come in a briefing."""

STRUCTS: dict[str, type] = {
    "delegation": Delegation,
    "person": Person,
    "agenda": AgendaItem,
    "quote": Quote,
    "count": WeaponCount,
    "figure": ReportedFigure,
    "event": Event,
}
"""The model class of each kind."""

_KIND_OF: dict[type, str] = {struct: kind for kind, struct in STRUCTS.items()}

NOUNS: dict[str, str] = {"agenda": "agenda item", "count": "strike count"}
"""What an item is called in messages, where that is not its kind."""

REFERENCES: dict[str, str] = {
    "agenda": "raised_by",
    "quote": "speaker",
    "event": "involves",
    "figure": "reported_by",
    "tally": "reported_by",
}
"""The field of each kind (or part) that names people or delegations by id."""

PARTS = ("meta", "tally")
"""Pieces with fields of their own that are not items (``items(parts=True)``)."""

Item = tuple[str, str, Any, Delegation | StrikeTally | None, Path]
"""``(kind, id, object, owner, path)``: the owner is a person's Delegation or
a count's StrikeTally, else None; the path is where the object is written.
A plain tuple, not a class: walks over 100,000 items make one per item."""


def items(briefing: Briefing, *, parts: bool = False) -> Iterator[Item]:
    """Every item of ``briefing`` in file order: each delegation then its
    members, the agenda, the quotes, the weapon counts, the other figures,
    the timeline.

    With ``parts``, also the meta (first, id ``"$meta"``) and the strike
    tally without its counts (just before them, id ``"$tally"``), as kinds
    ``"meta"`` and ``"tally"``: the diff compares them like items.
    """
    if parts:
        yield "meta", "$meta", briefing.meta, None, ("meta",)
    for d_i, delegation in enumerate(briefing.delegations):
        yield "delegation", delegation.id, delegation, None, ("delegations", d_i)
        for m_i, person in enumerate(delegation.members):
            yield "person", person.id, person, delegation, ("delegations", d_i, "members", m_i)
    for i, agenda_item in enumerate(briefing.agenda):
        yield "agenda", agenda_item.id, agenda_item, None, ("agenda", i)
    for i, quote in enumerate(briefing.quotes):
        yield "quote", quote.id, quote, None, ("quotes", i)
    tally = briefing.strikes
    if tally is not None:
        if parts:
            yield "tally", "$tally", tally, None, ("strikes",)
        for i, count in enumerate(tally.counts):
            yield "count", count.id, count, tally, ("strikes", "counts", i)
    for i, figure in enumerate(briefing.figures):
        yield "figure", figure.id, figure, None, ("figures", i)
    for i, event in enumerate(briefing.timeline):
        yield "event", event.id, event, None, ("timeline", i)


def present(briefing: Briefing) -> list[str]:
    """The ``SECTIONS`` that ``briefing`` has, in order: a list with at least
    one entry, or a strike tally (even one without counts: its period and
    notes are still facts). Views give no room to the others."""
    return [section for section in SECTIONS if getattr(briefing, section)]


def by_section(briefing: Briefing) -> Iterator[tuple[str, Iterator[Item]]]:
    """Each of ``SECTIONS`` in order with its items (none for an empty one).

    Lazy: read a section's items before asking for the next section.
    """
    groups = groupby(items(briefing), key=_section)
    group = next(groups, None)
    for section in SECTIONS:
        if group is not None and group[0] == section:
            yield group
            group = next(groups, None)
        else:
            yield section, iter(())


def _section(item: Item) -> str:
    return str(item[4][0])


def kind_of(obj: object) -> str | None:
    """The kind of a model object (None for anything that is not an item)."""
    return _KIND_OF.get(type(obj))


def kind_at(path: Path) -> str:
    """The kind of the item at ``path`` (a path that ``items`` gave), so a
    caller can keep just the path of an item."""
    kinds = SECTIONS[str(path[0])]
    # A member's path is its delegation's plus ("members", i).
    return kinds[1] if len(path) == 4 else kinds[0]


def references(kind: str, obj: object) -> list[str]:
    """The person and delegation ids an item (or part) names (``REFERENCES``)."""
    field = REFERENCES.get(kind)
    value = getattr(obj, field) if field is not None else None
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
