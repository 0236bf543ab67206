"""A ready-to-paste citation for a quote. No UI imports."""

from __future__ import annotations

from briefing.model import Briefing, Quote, Roster
from briefing.model.text import visible
from briefing.model.wording import attribution_parts


def cite(quote: Quote, briefing: Briefing, roster: Roster) -> str:
    """“Text” — Speaker, Title (Channel, When). Source: Outlet, "Headline".

    Reported speech names who reported it, and whom they cite, in the
    speaker's place: “...” — Russian media, citing sources in the delegation.
    """
    person = roster.people.get(quote.speaker) if quote.speaker else None
    # A person's title follows their name, before any "as reported by".
    who = "".join(
        f"{text}, {person.title}" if field == "speaker" and person and person.title else text
        for text, field in attribution_parts(quote, roster.name_of)
    )
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
