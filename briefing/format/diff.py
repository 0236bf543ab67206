"""What changed between two versions of a briefing, item by item.

Items are matched by id, so an edit that reorders the file or renames a
title still marks the right row. No UI imports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import msgspec

from briefing.format.model import Briefing
from briefing.format.roster import Roster


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


def items(briefing: Briefing) -> Iterator[Item]:
    """Every identifiable item, with a label people recognise."""
    roster = Roster(briefing)
    yield Item("meta", "$meta", "Title, status and format facts", briefing.meta)
    for d in briefing.delegations:
        # Members are items of their own: a member edit is not a side edit.
        yield Item("delegation", d.id, f"Delegation: {d.side}", msgspec.structs.replace(d, members=[]))
        for p in d.members:
            yield Item("person", p.id, f"Person: {p.name}", p)
    for a in briefing.agenda:
        yield Item("agenda", a.id, f"Agenda: {a.title}", a)
    for q in briefing.quotes:
        yield Item("quote", q.id, f"Quote by {roster.name_of(q.speaker)}", q)
    if briefing.strikes is not None:
        tally = msgspec.structs.replace(briefing.strikes, counts=[])
        yield Item("tally", "$tally", f"Strike tally: {briefing.strikes.period}", tally)
        for c in briefing.strikes.counts:
            yield Item("count", c.id, f"Strikes: {c.weapon}", c)
    for e in briefing.timeline:
        yield Item("event", e.id, f"Timeline: {e.title}", e)


def diff(old: Briefing, new: Briefing) -> Changes:
    before = {(i.kind, i.id): i for i in items(old)}
    after = {(i.kind, i.id): i for i in items(new)}
    changes = Changes()
    for key, item in after.items():
        previous = before.get(key)
        if previous is None:
            changes.added.append(item)
        elif previous.value != item.value:
            changes.changed.append(item)
    changes.removed = [item for key, item in before.items() if key not in after]
    return changes
