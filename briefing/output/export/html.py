"""The briefing as one self-contained HTML page, to read offline, print or mail.

Everything is in the file: the styles are inline, there is no script, and
nothing is fetched (no web font, no image; a Content-Security-Policy says so
to the browser as well). The markup carries the meaning: headings, landmarks,
``<blockquote>`` with ``<cite>``, a table for the strike tally whose bars are
drawn in CSS next to the figures as reported, and a definition list for each
delegation's people. Colours come from a theme's palette (light and dark
follow the reader's setting) and the print stylesheet fits A4 and Letter.

Escaping happens in one place, :func:`esc` (``html.escape`` with quotes):
every text reaching the page has already been made visible by
:mod:`.document`, so ``<script>``, ``[@click=...]``, ESC and bidi overrides
read as text and never act.
"""

from __future__ import annotations

import html

from briefing import __version__
from briefing.model import Figure
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
from briefing.output.export.palette import Palette
from briefing.output.export.since import Since

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
"""Nothing may load or run: even a mistake in escaping could not fetch or execute."""


def esc(text: str) -> str:
    """The one escape: text to HTML, quotes included (safe in attributes too)."""
    return html.escape(text, quote=True)


def _lines(lines: list[str]) -> str:
    return "<br>".join(esc(line) for line in lines)


def _value(value: str | None) -> str:
    return esc(value) if value is not None else f'<span class="nr">{NOT_REPORTED}</span>'


def _fields(pairs: Pairs, cls: str = "fields") -> str:
    if not pairs:
        return ""
    rows = "".join(f"<div><dt>{esc(label)}</dt><dd>{_value(value)}</dd></div>" for label, value in pairs)
    return f'<dl class="{cls}">{rows}</dl>'


def _field(label: str, value: str | None) -> str:
    # A person's title needs no label, their other fields do; without its
    # label a missing title must still say what is missing.
    if label == "Title":
        return _value(value) if value is not None else f'<span class="nr">title {NOT_REPORTED}</span>'
    return f'<span class="label">{esc(label)}:</span> {_value(value)}'


def _badge(since: Since | None, ident: str) -> str:
    """A mark in words ("new since v2"), never colour alone."""
    mark = since.mark(ident) if since is not None else None
    if mark is None:
        return ""
    kind = esc(since.marks[ident]) if since is not None else ""
    return f'<strong class="mark mark-{kind}">{esc(mark)}</strong> '


def _since_legend(since: Since) -> str:
    rev = esc(since.rev)
    parts = f" Also changed: {esc('; '.join(since.parts))}." if since.parts else ""
    removed = " Removed items are listed at the end, under “Removed since …”." if since.removed else ""
    return (
        f'<p class="legend since-legend">Changes since revision <code>{rev}</code> ({esc(since.counts)}): '
        f'<strong class="mark mark-new">new since {rev}</strong> marks an item added since then, '
        f'<strong class="mark mark-changed">changed since {rev}</strong> one edited or renamed.'
        f"{parts}{removed}</p>"
    )


def _removed(since: Since) -> str:
    rev = esc(since.rev)
    items = "".join(f"<li>{esc(label)}</li>" for label in since.removed)
    return (
        f'<section id="removed-since" aria-labelledby="removed-since-h">'
        f'<h2 id="removed-since-h">Removed since {rev}</h2><ul>{items}</ul></section>'
    )


def _side(side: str | None) -> str:
    return f" side side-{esc(side)}" if side else ""


def _entry(e: Entry, level: int, since: Since | None) -> str:
    out = [f'<article class="entry{_side(e.side)}" id="item-{esc(e.id)}">']
    if e.kicker:
        out.append(f'<p class="kicker">{esc(e.kicker)}</p>')
    out.append(f"<h{level}>{_badge(since, e.id)}{esc(e.title)}</h{level}>")
    out.append(_fields(e.fields))
    if e.body:
        out.append(f"<p>{_lines(e.body)}</p>")
    if e.people is not None:
        if e.people:
            people = []
            for m in e.people:
                notes = f' <span class="note">({esc(", ".join(m.notes))})</span>' if m.notes else ""
                details = "".join(f"<dd>{_field(label, value)}</dd>" for label, value in m.fields)
                people.append(
                    f'<div id="item-{esc(m.id)}"><dt>{_badge(since, m.id)}{esc(m.name)}{notes}</dt>{details}</div>'
                )
            out.append(
                f'<h{level + 1} class="sub">People</h{level + 1}><dl class="people">{"".join(people)}</dl>'
            )
        else:
            out.append(f'<p class="muted">{esc(e.people_none)}</p>')
    out.append("</article>")
    return "".join(out)


def _quote(q: QuoteBlock, since: Since | None) -> str:
    about = f", {esc(q.about)}" if q.about else ""
    about += f" · {esc(q.where)}" if q.where else ""
    context = f'<p class="context">{esc(q.context)}</p>' if q.context else ""
    if q.source:
        context += f'<p class="context"><span class="label">Source:</span> {esc(q.source)}</p>'
    badge = _badge(since, q.id)
    marked = f'<p class="marked">{badge.rstrip()}</p>' if badge else ""
    return (
        f'<figure class="quote{_side(q.side)}" id="item-{esc(q.id)}">{marked}'
        f"<blockquote><p>{_lines(q.lines)}</p></blockquote>"
        f"<figcaption>— <cite>{esc(q.cite)}</cite>{about}</figcaption>{context}</figure>"
    )


def _figure_cell(figure: Figure, kind: str, scale: int) -> str:
    text = figure_text(figure)
    cls = "nr" if not figure.known else ("exact" if figure.exact else "approx")
    bar = ""
    if figure.known and figure.value is not None and scale:
        width = max(figure.value / scale * 100, 0.5)
        # Decorative: the figure is written beside it; dashed when approximate.
        bar = f'<span class="bar {kind} {cls}" style="width:{width:.1f}%" aria-hidden="true"></span>'
    return f'<td><span class="figure {cls}">{esc(text)}</span>{bar}</td>'


def _tally(t: Tally, since: Since | None) -> str:
    rows = "".join(
        f'<tr id="item-{esc(r.id)}"><th scope="row">{_badge(since, r.id)}{esc(r.weapon)}</th>'
        f"{_figure_cell(r.launched, 'launched', t.scale)}"
        f"{_figure_cell(r.intercepted, 'intercepted', t.scale)}"
        f"<td>{esc(r.rate)}</td></tr>"
        for r in t.rows
    )
    return (
        f'<table class="tally"><caption>{esc(t.caption)}</caption><thead><tr>'
        '<th scope="col">Weapon</th><th scope="col">Launched</th>'
        '<th scope="col">Intercepted</th><th scope="col">Interception rate</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
        '<p class="legend">Bars are drawn to scale from the figures as reported. A dashed bar is an '
        "approximate figure, drawn at the number the source qualified (“nearly 400” at 400, which "
        "may be fewer); a figure the source does not give has no bar and reads “not reported”, "
        "never 0.</p>"
    )


def _block(block: Block, since: Since | None) -> str:
    if isinstance(block, Fields):
        return _fields(block.pairs)
    if isinstance(block, Text):
        return f"<p>{_lines(block.lines)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Entry):
        return _entry(block, 3, since)
    if isinstance(block, QuoteBlock):
        return _quote(block, since)
    return _tally(block, since)


def _section(s: Section, since: Since | None) -> str:
    body = "".join(_block(b, since) for b in s.blocks) or f'<p class="muted">{esc(s.empty or "")}</p>'
    if s.key == "timeline" and s.blocks:
        body = '<ol class="timeline">' + "".join(f"<li>{_block(b, since)}</li>" for b in s.blocks) + "</ol>"
    key = esc(s.key)
    return (
        f'<section id="{key}" aria-labelledby="{key}-h"><h2 id="{key}-h">{esc(s.title)}</h2>{body}</section>'
    )


def _vars(palette: Palette) -> str:
    return "".join(f"--{name}:{value};" for name, value in palette.variables().items())


def stylesheet(screen: Palette, dark: Palette | None, paper: Palette, page_size: str | None) -> str:
    """The page's CSS: ``screen`` colours (``dark`` ones when the reader prefers
    dark, if given), ``paper`` colours in print."""
    scheme = "light dark" if dark else ("dark" if screen.dark else "light")
    size = f"size:{page_size};" if page_size else ""
    return (
        f":root{{{_vars(screen)}color-scheme:{scheme}}}"
        + (f"@media (prefers-color-scheme:dark){{:root{{{_vars(dark)}}}}}" if dark else "")
        + f"@media print{{:root{{{_vars(paper)}color-scheme:light}}}}"
        + _CSS
        + f"@page{{{size}margin:16mm 15mm}}"
    )


_CSS = """
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0 auto;max-width:52rem;padding:1.5rem 1.25rem 3rem;
 font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
 background:var(--bg);color:var(--fg);overflow-wrap:anywhere}
a{color:var(--link)}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .4rem}
h2{font-size:1.35rem;margin:2rem 0 .75rem;padding-bottom:.2rem;border-bottom:2px solid var(--panel)}
h3{font-size:1.1rem;margin:0 0 .35rem}
h4.sub{font-size:.95rem;margin:.6rem 0 .2rem}
header.top{border-bottom:3px solid var(--accent);padding-bottom:.75rem}
.status{font-size:1.1rem;margin:0 0 .5rem}
nav ul{list-style:none;padding:0;margin:1rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
dl{margin:.25rem 0 .5rem}
dl.fields>div{display:flex;gap:.5rem}
dl.fields dt{font-weight:600;min-width:7.5rem;flex:none}
dl.fields dd{margin:0}
dl.people>div{margin:0 0 .5rem}
dl.people dt{font-weight:600}
dl.people dd{margin:0 0 0 1.25rem}
.label{font-weight:600}
.note,.muted,.kicker,.legend,.context,footer{color:var(--muted)}
.kicker{margin:0;font-size:.9rem;font-weight:600}
.mark{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .35rem;margin-right:.4rem;
 border:1px solid currentColor;border-radius:3px;color:var(--fg);vertical-align:middle}
.mark-new{border-style:solid}
.mark-changed{border-style:dashed}
p.marked{margin:0 0 .2rem}
.nr{font-style:italic}
.entry{background:var(--surface);border-radius:4px;padding:.6rem .9rem;margin:0 0 .75rem;
 border-left:6px solid var(--panel)}
.entry p{margin:.3rem 0}
.side.side-mediator{border-left-color:var(--side-mediator)}
.side.side-party-1{border-left-color:var(--side-party-1)}
.side.side-party-2{border-left-color:var(--side-party-2)}
.side.side-party-3{border-left-color:var(--side-party-3)}
.side.side-party-4{border-left-color:var(--side-party-4)}
.side.side-ally{border-left-color:var(--side-ally)}
.side.side-observer{border-left-color:var(--side-observer)}
.side.side-other{border-left-color:var(--side-other)}
figure.quote{margin:0 0 1rem;padding:.5rem .9rem;background:var(--surface);
 border-left:6px solid var(--panel);border-radius:4px}
blockquote{margin:0;font-size:1.08rem}
blockquote p{margin:0}
blockquote p::before{content:"“"}
blockquote p::after{content:"”"}
figcaption{margin-top:.3rem}
cite{font-style:normal;font-weight:600}
.context{margin:.2rem 0 0;font-size:.95rem}
table.tally{border-collapse:collapse;width:100%;margin:.5rem 0;overflow-wrap:normal}
table.tally caption{text-align:left;font-weight:600;padding:.25rem 0}
table.tally th,table.tally td{text-align:left;vertical-align:top;padding:.4rem .5rem;
 border-bottom:1px solid var(--panel)}
table.tally thead th{border-bottom:2px solid var(--fg)}
.figure{display:block;font-variant-numeric:tabular-nums}
.bar{display:block;height:.6rem;margin-top:.25rem;border-radius:2px;min-width:2px}
.bar.launched{background:var(--launched)}
.bar.intercepted{background:var(--intercepted)}
.bar.approx{background:transparent;border:2px dashed var(--launched)}
.bar.intercepted.approx{border-color:var(--intercepted)}
ol.timeline{list-style:none;padding:0;margin:0}
footer{margin-top:2.5rem;border-top:1px solid var(--panel);padding-top:.5rem;font-size:.9rem}
@media print{
 html,body{background:#fff}
 body{max-width:none;padding:0;font-size:10.5pt}
 nav{display:none}
 h2,h3,h4{break-after:avoid}
 .entry,figure.quote,tr,dl.people>div,table.tally{break-inside:avoid}
 .entry,figure.quote{background:none;border-top:1px solid var(--panel);border-right:1px solid var(--panel);
  border-bottom:1px solid var(--panel)}
 .bar{print-color-adjust:exact;-webkit-print-color-adjust:exact}
 a[href^="http"]::after{content:" (" attr(href) ")"}
}
"""


def render_html(
    doc: Document,
    screen: Palette,
    *,
    dark: Palette | None = None,
    paper: Palette | None = None,
    page_size: str | None = None,
) -> str:
    """The page for ``doc``. ``dark``: colours when the reader prefers dark
    (None: ``screen`` always); ``paper``: colours in print (default ``screen``)."""
    # The source fact ("Source", or "Sources" when several) last, with its link.
    label, source = next((fact for fact in doc.facts if fact[0] in ("Source", "Sources")), ("Source", None))
    facts = [fact for fact in doc.facts if fact[0] not in ("Source", "Sources")]
    link = (
        f' <a href="{esc(doc.source_url)}" rel="noreferrer noopener">{esc(doc.source_url)}</a>'
        if doc.source_url
        else ""
    )
    source_html = f"<div><dt>{esc(label)}</dt><dd>{_value(source)}{link}</dd></div>"
    header_facts = _fields(facts).removesuffix("</dl>") + source_html + "</dl>" if facts else ""
    status = f'<p class="status">{esc(doc.status)}</p>' if doc.status else ""
    since = doc.since
    nav = "".join(f'<li><a href="#{esc(s.key)}">{esc(s.title)}</a></li>' for s in doc.sections)
    body = "".join(_section(s, since) for s in doc.sections)
    legend = ""
    if since is not None:
        legend = _since_legend(since)
        if since.removed:
            nav += f'<li><a href="#removed-since">Removed since {esc(since.rev)}</a></li>'
            body += _removed(since)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="briefing {esc(__version__)}">\n'
        f"<title>{esc(doc.title)}</title>\n"
        f"<style>{stylesheet(screen, dark, paper or screen, page_size)}</style>\n"
        "</head>\n<body>\n"
        f'<header class="top"><h1>{esc(doc.title)}</h1>{status}{header_facts}{legend}'
        f'<nav aria-label="Sections"><ul>{nav}</ul></nav></header>\n'
        f'<main id="main">{body}</main>\n'
        "<footer><p>Exported by briefing. Quotes are verbatim; figures are as reported: "
        "an approximate figure keeps its words, and a figure the source does not give reads "
        "“not reported”, never 0.</p></footer>\n"
        "</body>\n</html>\n"
    )


__all__ = ["POLICY", "esc", "render_html", "stylesheet"]
