"""``briefing draft ARTICLE``: write a :class:`~briefing.sources.draft.Draft` as a briefing file.

The YAML is written by hand so guesses can carry comments; every string goes
through :func:`scalar` (a JSON string is a valid YAML double-quoted scalar;
the few characters YAML does not allow raw are escaped), so no article text
can break the file. The result is loaded and verified against the article
before the command returns.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from briefing.loading import BriefingError, reading
from briefing.model.text import visible
from briefing.sources.draft import Draft, DraftQuote, draft
from briefing.sources.draft_people import slug
from briefing.sources.verify import MAX_SOURCE_BYTES, WORDS, SourceFileError, check_bytes

MAX_TEXT = 20_000
"""The longest string the format accepts."""
TO_FILL_IN = "To fill in"
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def scalar(value: str) -> str:
    """``value`` as a YAML double-quoted scalar, safe for any text."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def comment(text: str, limit: int = 100) -> str:
    """`` # text`` on one line, printable, at most ``limit`` characters of ``text``."""
    flat = " ".join(visible(text).split())
    return f"  # {flat[:limit] + ('…' if len(flat) > limit else '')}" if flat else ""


def _field(indent: str, key: str, value: str | None, note: str = "") -> list[str]:
    if value is None or not value.strip() or len(value) > MAX_TEXT:
        return []
    return [f"{indent}{key}: {scalar(value)}{comment(note) if note else ''}"]


def to_yaml(found: Draft, file: str, article_name: str) -> str:
    """The draft as briefing YAML whose one source is ``file`` (the article)."""
    out = [
        f"# Drafted by `briefing draft` from {json.dumps(article_name, ensure_ascii=True)}.",
        '# Quotes are verbatim from the article. Everything marked "guessed"',
        "# (speakers, titles, delegations, channels, times, figures) is a guess to review.",
        "schema: 1",
        "",
        "meta:",
        f"  title: {scalar(_shorten(found.headline))}",
        "",
        "sources:",
        "  - id: article",
    ]
    out += _field("    ", "outlet", found.outlet, f"guessed from {found.outlet_from}")
    if not found.outlet:
        out.append(f"    outlet: {scalar(TO_FILL_IN)}  # the article does not name its outlet")
    out += _field("    ", "headline", found.headline)
    out += _field("    ", "notes", found.notes)
    out.append(f"    file: {scalar(file)}")
    out += _delegations(found)
    out += _quotes(found)
    if found.figures:
        out += ["", "figures:  # numbers as the article gives them; labels are guessed"]
        for n, fig in enumerate(found.figures, 1):
            value = fig.value if not fig.value.isdigit() else str(int(fig.value))
            out += [
                f"  - id: figure-{n}",
                f"    label: {scalar(fig.label or TO_FILL_IN)}{comment('guessed from: ' + fig.context)}",
                f"    value: {value if value.isdigit() else scalar(value)}",
            ]
            out += _field("    ", "unit", fig.unit)
    return "\n".join(out) + "\n"


def _shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _delegations(found: Draft) -> list[str]:
    out = ["", "delegations:"]
    ids = {person.id for person in found.people}
    placed: set[str] = set()
    groups = []
    named = [(side, lead, f"guessed from {words}") for side, lead, words in found.delegations]
    # Sides only a title names ("Brazil's foreign minister"), in the order met.
    for person in found.people:
        if person.side and all(person.side != side for side, _lead, _note in named):
            named.append((person.side, None, f'guessed from "{person.title}"'))
    for side, lead, note in named:
        did = slug(side)
        did = did if did not in ids else f"{did}-delegation"
        ids.add(did)
        members = [p for p in found.people if p.id == lead or (p.side == side and p.id not in placed)]
        placed.update(p.id for p in members)
        groups.append((did, side, lead, members, note))
    rest = [p for p in found.people if p.id not in placed]
    if rest or not groups:
        did = "unassigned" if "unassigned" not in ids else "unassigned-people"
        groups.append((did, TO_FILL_IN, None, rest, "people the article names; sort them into delegations"))
    for did, side, lead, members, note in groups:
        out += [f"  - id: {did}", f"    side: {scalar(side)}{comment(note)}"]
        out.append("    role: " + ("other  # fill in" if side == TO_FILL_IN else "party  # guessed"))
        if lead:
            out.append(f"    lead: {lead}{comment('guessed')}")
        if members:
            out.append("    members:")
        for person in members:
            out += [f"      - id: {person.id}", f"        name: {scalar(person.name)}"]
            out += _field("        ", "title", person.title, "as the article gives it")
    return out


def _quotes(found: Draft) -> list[str]:
    out = ["", "quotes:"] if found.quotes else []
    for n, quote in enumerate(found.quotes, 1):
        if len(quote.text) > MAX_TEXT:
            out.append(f"  # quoted passage {n} is longer than {MAX_TEXT} characters: left out")
            continue
        out.append(f"  - id: quote-{n}")
        out += _speaker(quote, found.outlet)
        out.append(f"    text: {scalar(quote.text)}")
        out += _field("    ", "channel", quote.channel, "guessed")
        out += _field("    ", "when", quote.when, "guessed from the sentence")
    return out


def _speaker(quote: DraftQuote, outlet: str | None) -> list[str]:
    why = f'guessed from "{quote.guess}"' if quote.guess else ""
    if quote.speaker:
        return [f"    speaker: {quote.speaker}{comment(why)}"]
    if quote.reported_by:
        return _field("    ", "reported_by", quote.reported_by, why) + _field("    ", "citing", quote.citing)
    return [f"    reported_by: {scalar(outlet or TO_FILL_IN)}  # no speaker found: fill in speaker"]


def write_draft(article: str, output: str | None = None) -> int:
    """Draft a briefing from the report at path ``article`` to path ``output``
    (stdout when None); 0 when it was written and verifies against the
    article. Its arguments are read in :mod:`briefing.cli.draft`."""
    name, article_path = article, Path(article)
    try:
        data = reading.read_file(
            article_path, name, limit=MAX_SOURCE_BYTES, error=SourceFileError, words=WORDS
        )
        text = reading.decode(data, name, error=SourceFileError, words=WORDS)
    except SourceFileError as exc:
        print(exc.first, file=sys.stderr)
        return 1
    if output is None:
        base, file = Path.cwd(), str(article_path.resolve())
    else:
        base = Path(output).resolve().parent
        file = os.path.relpath(article_path.resolve(), base)
    yaml_text = to_yaml(draft(text), file, article_path.name)
    if output is None:
        sys.stdout.write(yaml_text)
    else:
        Path(output).write_text(yaml_text, encoding="utf-8")
    try:
        check_bytes(yaml_text.encode(), output or "<stdout>", base)
    except BriefingError as exc:  # a bug in draft: say so rather than hide it
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    return 0


__all__ = ["scalar", "to_yaml", "write_draft"]
