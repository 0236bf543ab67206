"""What changed between two versions of a briefing, item by item.

Items are matched by id, so an edit that reorders the file or renames a
title still marks the right row. No UI imports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import msgspec

from briefing.model.roster import Roster
from briefing.model.structs import Briefing


@dataclass(frozen=True)
class Item:
    kind: str
    """delegation, person, agenda, quote, count, event or meta."""
    id: str
    label: str
    value: object


@dataclass
class Changes:
    added: list[Item] = field(default_factory=list)
    changed: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @property
    def marked_ids(self) -> dict[str, str]:
        """Ids of items to mark on screen, with "new" or "changed"."""
        marks = {item.id: "changed" for item in self.changed}
        marks.update({item.id: "new" for item in self.added})
        return marks


Key = tuple[str, str]


def _entries(briefing: Briefing) -> Iterator[tuple[Key, object, Any]]:
    """(kind, id), the value compared, and the model object, for every item.

    Labels are left out: they are needed only for the few items that
    changed, and making 100,000 of them doubled the time of a diff.
    """
    yield ("meta", "$meta"), briefing.meta, briefing.meta
    for d in briefing.delegations:
        # Members are items of their own: a member edit is not a side edit.
        yield ("delegation", d.id), msgspec.structs.replace(d, members=[]), d
        for p in d.members:
            yield ("person", p.id), p, p
    for a in briefing.agenda:
        yield ("agenda", a.id), a, a
    for q in briefing.quotes:
        yield ("quote", q.id), q, q
    if briefing.strikes is not None:
        tally = msgspec.structs.replace(briefing.strikes, counts=[])
        yield ("tally", "$tally"), tally, briefing.strikes
        for c in briefing.strikes.counts:
            yield ("count", c.id), c, c
    for e in briefing.timeline:
        yield ("event", e.id), e, e


def _label(kind: str, item: Any, roster: Roster | None) -> str:
    if kind == "meta":
        return "Title, status and format facts"
    if kind == "delegation":
        return f"Delegation: {item.side}"
    if kind == "person":
        return f"Person: {item.name}"
    if kind == "agenda":
        return f"Agenda: {item.title}"
    if kind == "quote":
        speaker = roster.name_of(item.speaker) if roster is not None else item.speaker
        return f"Quote by {speaker}"
    if kind == "tally":
        return f"Strike tally: {item.period}"
    if kind == "count":
        return f"Strikes: {item.weapon}"
    return f"Timeline: {item.title}"


def diff(old: Briefing, new: Briefing) -> Changes:
    """What ``new`` adds, changes and removes compared with ``old``, by id."""
    before = {key: (value, item) for key, value, item in _entries(old)}
    after = {key: (value, item) for key, value, item in _entries(new)}
    added: list[tuple[Key, object, Any]] = []
    changed: list[tuple[Key, object, Any]] = []
    for key, (value, item) in after.items():
        previous = before.get(key)
        if previous is None:
            added.append((key, value, item))
        elif previous[0] != value:
            changed.append((key, value, item))
    removed = [(key, value, item) for key, (value, item) in before.items() if key not in after]
    if not (added or changed or removed):
        return Changes()
    # Labels name speakers through the roster of the version the item is in.
    new_roster = Roster(new) if added or changed else None
    old_roster = Roster(old) if removed else None
    return Changes(_made(added, new_roster), _made(changed, new_roster), _made(removed, old_roster))


def _made(entries: list[tuple[Key, object, Any]], roster: Roster | None) -> list[Item]:
    return [Item(key[0], key[1], _label(key[0], item, roster), value) for key, value, item in entries]
