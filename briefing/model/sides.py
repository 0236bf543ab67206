"""Which side (delegation) each item belongs to, for "focus on one side".

A person belongs to their delegation; an agenda item to the sides of those
who raised it; a quote to its speaker's side; an event to the sides involved;
a tally count to the side of whoever reported it.
"""

from __future__ import annotations

from briefing.model.roster import Roster
from briefing.model.structs import Briefing


def item_sides(briefing: Briefing) -> dict[str, frozenset[str]]:
    """Every item id -> the delegation ids it relates to."""
    roster = Roster(briefing)

    def sides(refs: list[str]) -> frozenset[str]:
        return frozenset(s for r in refs if (s := roster.side_of(r)) is not None)

    out: dict[str, frozenset[str]] = {}
    for d in briefing.delegations:
        out[d.id] = frozenset((d.id,))
        for p in d.members:
            out[p.id] = frozenset((d.id,))
    for a in briefing.agenda:
        out[a.id] = sides(a.raised_by)
    for q in briefing.quotes:
        out[q.id] = sides([q.speaker])
    if briefing.strikes is not None:
        reporter = [briefing.strikes.reported_by] if briefing.strikes.reported_by else []
        for c in briefing.strikes.counts:
            out[c.id] = sides(reporter)
    for e in briefing.timeline:
        out[e.id] = sides(e.involves)
    return out


def keys_for_side(briefing: Briefing, side: str) -> frozenset[str]:
    """Ids of every item related to delegation ``side``."""
    return frozenset(key for key, sides in item_sides(briefing).items() if side in sides)


def sides_of(briefing: Briefing, key: str) -> frozenset[str]:
    return item_sides(briefing).get(key, frozenset())
