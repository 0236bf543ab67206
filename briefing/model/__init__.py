"""The typed model of a briefing. Plain data: no YAML, no UI."""

from briefing.model.figures import Figure, FigureKind
from briefing.model.roster import Roster
from briefing.model.structs import (
    SCHEMA_VERSION,
    AgendaItem,
    Briefing,
    Day,
    Delegation,
    Event,
    Meta,
    Person,
    Quote,
    Report,
    ReportedFigure,
    Source,
    StrikeTally,
    WeaponCount,
)

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
    "ReportedFigure",
    "Report",
    "Roster",
    "Source",
    "StrikeTally",
    "WeaponCount",
]
