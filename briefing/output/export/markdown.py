"""The briefing as GitHub-flavoured Markdown, for chat, e-mail and wikis.

The same sections as the page and ``--plain``: quotes as block quotes with
their attribution, the strike tally as a table, people as a list under their
delegation. Escaping happens in one place, :func:`esc`: every Markdown and
HTML metacharacter in text from the YAML is backslash-escaped, and ``://``,
``www.`` and ``@`` are broken up so that no text turns into a link or an
address of its own; text reaching it has already been made visible by
:mod:`.document` (ESC, bidi overrides).
"""

from __future__ import annotations

import re

from briefing.model.wording import NOT_REPORTED
from briefing.output.export.blocks import (
    Block,
    Bullets,
    Document,
    Entry,
    Fields,
    Pairs,
    QuoteBlock,
    Section,
    Tally,
    Text,
)
from briefing.output.export.document import figure_text
from briefing.output.export.since import Since

_INLINE = re.compile(r"([\\`*_\[\]<>&|~$@])")
"""Characters that mean something to Markdown, GFM or HTML anywhere in a line
(``$`` starts maths and ``@`` an address on GitHub). CommonMark allows a
backslash before any ASCII punctuation, so escaping more is safe."""
_LEADING = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")
"""What starts a block at the beginning of a line: heading, quote, list, rule."""
_SHORTCODE = re.compile(r":(?=[\w+-])")
"""``:smile:`` is an emoji on GitHub; ``12:30`` gets a harmless backslash."""
_WWW = re.compile(r"\b(www)\.", re.IGNORECASE)


def esc(text: str) -> str:
    """The one escape: text to inline Markdown that reads as itself.

    No text becomes markup, an HTML tag, an entity, an emoji or a link
    (``://`` and ``www.`` are broken up with escapes GFM reads as text).
    """
    text = _INLINE.sub(r"\\\1", text)
    text = _SHORTCODE.sub(r"\\:", text).replace("://", ":\\/\\/")
    text = _WWW.sub(r"\1\\.", text)
    match = _LEADING.match(text)
    if match:
        lead = match.group(2)
        end = match.end()
        if lead[0].isdigit():  # "1." or "1)" would start a numbered list
            return text[:end] + "\\" + text[end:]
        return text[: match.start(2)] + "\\" + text[match.start(2) :]
    return text


def _value(value: str | None) -> str:
    return esc(value) if value is not None else f"*{NOT_REPORTED}*"


def _fields(pairs: Pairs, indent: str = "") -> list[str]:
    # One "**Label:** value" line each; the trailing backslash is a line break.
    out = [f"{indent}**{esc(label)}:** {_value(value)}" for label, value in pairs]
    return [line + "\\" for line in out[:-1]] + out[-1:]


def _text(lines: list[str], prefix: str = "") -> list[str]:
    kept = [esc(line) for line in lines]
    return [prefix + line + ("\\" if i < len(kept) - 1 and line else "") for i, line in enumerate(kept)]


def _mark(since: Since | None, ident: str) -> str:
    """A mark in words before the item: "**new since v2** "."""
    mark = since.mark(ident) if since is not None else None
    return f"**{esc(mark)}** " if mark else ""


def _entry(e: Entry, since: Since | None) -> list[str]:
    out = []
    if e.kicker:
        out += [f"*{esc(e.kicker)}*", ""]
    out += [f"### {_mark(since, e.id)}{esc(e.title)}", ""]
    if e.fields:
        out += [*_fields(e.fields), ""]
    if e.body:
        out += [*_text(e.body), ""]
    if e.people is not None:
        if not e.people:
            out += [esc(e.people_none), ""]
        for m in e.people:
            notes = f" ({esc(', '.join(m.notes))})" if m.notes else ""
            out.append(f"- {_mark(since, m.id)}**{esc(m.name)}**{notes}")
            out += [f"  - {esc(label)}: {_value(value)}" for label, value in m.fields]
        if e.people:
            out.append("")
    return out


def _quote(q: QuoteBlock, since: Since | None) -> list[str]:
    mark = _mark(since, q.id)
    words = _text(q.lines, "> ")
    words[0] = "> “" + words[0][2:]
    words[-1] += "”"
    about = f", {esc(q.about)}" if q.about else ""
    about += f" · {esc(q.where)}" if q.where else ""
    out = [*([mark.rstrip(), ""] if mark else []), *words, ">", f"> — *{esc(q.cite)}*{about}", ""]
    if q.context:
        out += [esc(q.context), ""]
    if q.source:
        out += [f"Source: {esc(q.source)}", ""]
    return out


def _cell(text: str) -> str:
    return esc(text)  # "|" is escaped too, so a cell cannot split a row


def _tally(t: Tally, since: Since | None) -> list[str]:
    rows = [
        f"| {_mark(since, r.id)}{_cell(r.weapon)} | {_cell(figure_text(r.launched))} | "
        f"{_cell(figure_text(r.intercepted))} | {_cell(r.rate)} |"
        for r in t.rows
    ]
    return [
        f"**{esc(t.caption)}**",
        "",
        "| Weapon | Launched | Intercepted | Interception rate |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
    ]


def _block(block: Block, since: Since | None) -> list[str]:
    if isinstance(block, Fields):
        return [*_fields(block.pairs), ""] if block.pairs else []
    if isinstance(block, Text):
        return [*_text(block.lines), ""]
    if isinstance(block, Bullets):
        return [*(f"- {esc(item)}" for item in block.items), ""]
    if isinstance(block, Entry):
        return _entry(block, since)
    if isinstance(block, QuoteBlock):
        return _quote(block, since)
    return _tally(block, since)


def _section(s: Section, since: Since | None) -> list[str]:
    out = [f"## {esc(s.title)}", ""]
    for block in s.blocks:
        out += _block(block, since)
    if not s.blocks:
        out += [esc(s.empty or ""), ""]
    return out


def render_markdown(doc: Document) -> str:
    out = [f"# {esc(doc.title)}", ""]
    if doc.status:
        out += [f"**{esc(doc.status)}**", ""]
    facts = list(doc.facts)
    if doc.source_url:
        # The one link: the source's own address, given as a plain http(s) URL.
        facts.append(("Link", None))
    lines = _fields(facts)
    if doc.source_url:
        lines[-1] = f"**Link:** <{doc.source_url}>"
    out += [*lines, ""]
    since = doc.since
    if since is not None:
        rev = esc(since.rev)
        legend = (
            f"*Changes since revision {rev} ({esc(since.counts)}): **new since {rev}** marks an item "
            f"added since then, **changed since {rev}** one edited or renamed.*"
        )
        if since.parts:
            legend += f"\\\n*Also changed: {esc('; '.join(since.parts))}.*"
        out += [legend, ""]
    for section in doc.sections:
        out += _section(section, since)
    if since is not None and since.removed:
        out += [f"## Removed since {esc(since.rev)}", "", *(f"- {esc(label)}" for label in since.removed), ""]
    out.append(
        "*Quotes are verbatim; figures are as reported: an approximate figure keeps its words, "
        "and a figure the source does not give reads “not reported”, never 0.*"
    )
    return "\n".join(out) + "\n"


__all__ = ["esc", "render_markdown"]
