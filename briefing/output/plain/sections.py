"""The sections of ``--plain``: the header and its sources, then one writer per section.

A section is a ``=`` heading and its items; the strike tally adds its
period and who reported it. Sections the briefing does not have are left
out by the caller, not announced as empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from briefing.model import Briefing, Roster
from briefing.model.items import Item
from briefing.model.sourcing import Sources
from briefing.output.plain.items import write_items
from briefing.output.plain.writer import Writer


def write_meta(out: Writer, b: Briefing) -> None:
    """The title, its facts and summary, days, format, and where it comes from."""
    meta = b.meta
    out.heading(meta.title, "=", over=True)
    facts = [("Place", meta.place), ("Status", meta.status)]
    if meta.updated:
        facts.append(("Updated", meta.updated))
    out.fields(facts)
    if meta.summary:
        out.blank()
        out.text(meta.summary)
    if meta.days:
        out.heading("Days", "-")
        for day in meta.days:
            out.item(f"{day.label}: {day.summary}" if day.summary else day.label)
    if meta.format:
        out.heading("Format", "-")
        for fact in meta.format:
            out.item(fact)
    if b.sources:
        _sources(out, b)
        return
    out.heading("Source", "-")
    if meta.source is None:
        out.text("The briefing does not name its source.")
    else:
        src = meta.source
        out.fields(
            [("Outlet", src.outlet), ("Headline", src.headline)]
            + [(label, value) for label, value in (("Published", src.published), ("Link", src.url)) if value]
        )


def _sources(out: Writer, b: Briefing) -> None:
    out.heading("Sources", "-")
    if len(b.sources) == 1:
        out.text("Every quote, agenda item, figure and event below comes from this report.")
    else:
        out.text("Items name the reports they come from.")
    for report in b.sources:
        out.blank()
        out.item(report.outlet)
        out.fields(
            [
                (label, value)
                for label, value in (
                    ("Headline", report.headline),
                    ("Published", report.published),
                    ("Author", report.author),
                    ("Link", report.url),
                    ("Text", report.file),
                    ("Notes", report.notes),
                )
                if value
            ],
            "  ",
        )


SectionWriter = Callable[[Writer, Briefing, Roster, Iterable[Item]], None]


def _listing(title: str) -> SectionWriter:
    """A section that is a heading and its items (only written when it has some)."""

    def write(out: Writer, b: Briefing, roster: Roster, walked: Iterable[Item]) -> None:
        out.heading(title, "=")
        write_items(out, walked, roster, Sources(b))

    return write


def _strikes(out: Writer, b: Briefing, roster: Roster, walked: Iterable[Item]) -> None:
    out.heading("Strike tally", "=")
    tally = b.strikes
    if tally is None:  # not written: the section is absent
        return
    facts: list[tuple[str, str | None]] = [("Period", tally.period)]
    if tally.target:
        facts.append(("Target", tally.target))
    facts += [
        ("Reported by", roster.name_of(tally.reported_by) if tally.reported_by else None),
        ("Channel", tally.channel),
        ("When", tally.reported_when),
    ]
    out.fields(facts)
    out.blank()
    if not write_items(out, walked, roster, Sources(b)):
        out.text("No figures are given.")
    if tally.notes:
        out.blank()
        out.fields([("Notes", tally.notes)])


SECTION_WRITERS: dict[str, SectionWriter] = {
    "delegations": _listing("Delegations"),
    "agenda": _listing("Agenda"),
    "quotes": _listing("Quotes"),
    "strikes": _strikes,
    "figures": _listing("Figures"),
    "timeline": _listing("Timeline"),
}
"""How each section of ``items.SECTIONS`` is written."""

__all__ = ["SECTION_WRITERS", "write_meta"]
