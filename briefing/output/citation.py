"""A ready-to-paste citation for a quote. No UI imports."""

from __future__ import annotations

from briefing.model import Briefing, Quote, Roster
from briefing.model.sourcing import Sources, describe
from briefing.model.text import visible


def cite(quote: Quote, briefing: Briefing, roster: Roster) -> str:
    """“Text” — Speaker, Title (Channel, When). Source: Outlet, "Headline".

    The source is the quote's own (``source:``), else the briefing's only
    one, else ``meta.source``; several are joined with "; "."""
    speaker = roster.name_of(quote.speaker)
    person = roster.people.get(quote.speaker)
    who = f"{speaker}, {person.title}" if person and person.title else speaker
    where = ", ".join(part for part in (quote.channel, quote.when) if part)
    text = f"“{' '.join(quote.text.split())}” — {who}"
    if where:
        text += f" ({where})"
    reports = Sources(briefing).of(quote)
    if reports:
        label = "Source" if len(reports) == 1 else "Sources"
        text += f". {label}: " + "; ".join(describe(report) for report in reports)
    text += "."
    return visible(text)
