"""The typed model of a briefing. Plain data: no YAML, no UI."""

from briefing.format.figures import Figure, FigureKind
from briefing.format.model import (
    SCHEMA_VERSION,
    AgendaItem,
    Briefing,
    Day,
    Delegation,
    Event,
    Meta,
    Person,
    Quote,
    Source,
    StrikeTally,
    WeaponCount,
)
from briefing.format.roster import Roster

__all__ = [
    "SCHEMA_VERSION",
    "AgendaItem",
    "Briefing",
    "Day",
    "Delegation",
    "Event",
    "Figure",
    "FigureKind",
    "Meta",
    "Person",
    "Quote",
    "Roster",
    "Source",
    "StrikeTally",
    "WeaponCount",
]
