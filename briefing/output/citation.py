"""A ready-to-paste citation for a quote. No UI imports."""

from __future__ import annotations

from briefing.model import Briefing, Quote, Roster
from briefing.model.text import visible


def cite(quote: Quote, briefing: Briefing, roster: Roster) -> str:
    """“Text” — Speaker, Title (Channel, When). Source: Outlet, "Headline"."""
    speaker = roster.name_of(quote.speaker)
    person = roster.people.get(quote.speaker)
    who = f"{speaker}, {person.title}" if person and person.title else speaker
    where = ", ".join(part for part in (quote.channel, quote.when) if part)
    text = f"“{' '.join(quote.text.split())}” — {who}"
    if where:
        text += f" ({where})"
    source = briefing.meta.source
    if source:
        text += f". Source: {source.outlet}"
        if source.headline:
            text += f', "{source.headline}"'
        if source.published:
            text += f", {source.published}"
        if source.url:
            text += f", {source.url}"
    text += "."
    return visible(text)
