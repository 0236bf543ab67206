"""Look-ups over a briefing's people and delegations, built once per load."""

from __future__ import annotations

from functools import cached_property

from briefing.model.sides import Sides
from briefing.model.structs import Briefing, Delegation, Person


class Roster:
    """Resolves the ids that quotes, agenda items and events refer to."""

    def __init__(self, briefing: Briefing) -> None:
        self._briefing = briefing
        self.delegations: dict[str, Delegation] = {}
        self.people: dict[str, Person] = {}
        self._side: dict[str, str] = {}
        self.party_order: dict[str, int] = {}
        """Each party's place among the parties (0, 1 ...), for its colour."""
        for delegation in briefing.delegations:
            if delegation.role == "party":
                self.party_order[delegation.id] = len(self.party_order)
            self.delegations[delegation.id] = delegation
            self._side[delegation.id] = delegation.id
            for person in delegation.members:
                self.people[person.id] = person
                self._side[person.id] = delegation.id

    def __contains__(self, ref: str) -> bool:
        return ref in self._side

    def name_of(self, ref: str) -> str:
        """A display name for a person or delegation id."""
        if person := self.people.get(ref):
            return person.name
        if delegation := self.delegations.get(ref):
            return delegation.side
        return ref

    @cached_property
    def sides(self) -> Sides:
        """Which sides every item belongs to, worked out on first use."""
        return Sides(self._briefing, self._side.get)

    def delegation_of(self, ref: str) -> Delegation | None:
        side = self._side.get(ref)
        return self.delegations.get(side) if side else None
