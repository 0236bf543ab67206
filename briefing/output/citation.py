"""A ready-to-paste citation for a quote. No UI imports."""

from __future__ import annotations

from pathlib import Path

from briefing.model import Briefing, Quote, Roster
from briefing.model.sourcing import Sources, describe
from briefing.model.text import visible
from briefing.model.wording import attribution_parts


def cite(quote: Quote, briefing: Briefing, roster: Roster) -> str:
    """“Text” — Speaker, Title (Channel, When). Source: Outlet, "Headline".

    Reported speech names who reported it, and whom they cite, in the
    speaker's place: “...” — Russian media, citing sources in the delegation.
    The source is the quote's own (``source:``), else the briefing's only
    one, else ``meta.source``; several are joined with "; ".
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
    reports = Sources(briefing).of(quote)
    if reports:
        label = "Source" if len(reports) == 1 else "Sources"
        text += f". {label}: " + "; ".join(describe(report) for report in reports)
    text += "."
    return visible(text)


def save_citation(text: str, path: Path, *, briefing: Path) -> None:
    """Add ``text`` as a line at the end of ``path`` (made if missing).

    Refuses the briefing file itself (the viewer never writes to it) and
    folders; raises OSError or ValueError with a message to show.
    """
    if path.is_dir():
        raise ValueError(f"{path} is a folder")
    try:
        if path.exists() and path.samefile(briefing):
            raise ValueError(f"{path} is the briefing itself")
    except OSError:
        pass
    with path.open("a", encoding="utf-8") as file:
        file.write(text + "\n")
