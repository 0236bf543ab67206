"""Drafting a briefing from a news report: what the article itself says.

Every quoted passage becomes a quote, verbatim; the speaker is a guess from
the attribution around it ("he said", "X said:", "according to X", the
nearest named person before a pronoun), and each guess carries the words it
was made from so a person can review it. People are found by their names
with the titles the article gives them; figures keep their wording ("nearly
400"). Nothing is made up: what the article does not say is left out.
:mod:`briefing.sources.draft_yaml` writes the result as a briefing file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.sources.draft_people import Person, find_people, sides_from_titles
from briefing.sources.draft_words import (
    ACCORDING,
    AGENCIES,
    CHANNEL,
    CITING,
    COLON_BEFORE,
    CURRENCY_AFTER,
    CURRENCY_SIGNS,
    DATELINE,
    DELEGATION,
    DISCLAIMER,
    FIGURE,
    MAGNITUDES,
    NAME_AFTER,
    NOT_UNITS,
    OUTLET,
    PREPOSITIONS,
    PRONOUN_AFTER,
    QUOTED,
    REPORTERS,
    SENT_DELEGATIONS,
    SENTENCE_END,
    SPEECH,
    WEEKDAY,
)


@dataclass
class DraftQuote:
    text: str
    start: int
    speaker: str | None = None
    reported_by: str | None = None
    citing: str | None = None
    channel: str | None = None
    when: str | None = None
    guess: str = ""
    """The words the speaker (or reporter) was guessed from, for a comment."""


@dataclass
class DraftFigure:
    label: str | None
    """What it counts, guessed from the word after it; None for a sum of money."""
    value: str
    context: str
    unit: str | None = None


@dataclass
class Draft:
    headline: str
    outlet: str | None = None
    outlet_from: str = "the legal disclaimer"
    """Where the outlet's name was found."""
    notes: str | None = None
    people: list[Person] = field(default_factory=list)
    delegations: list[tuple[str, str | None, str]] = field(default_factory=list)
    """(side, its lead's person id, the words it was found from), for each
    delegation the article names."""
    quotes: list[DraftQuote] = field(default_factory=list)
    figures: list[DraftFigure] = field(default_factory=list)


def quoted_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks, paired per paragraph."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", body):
        chunks = [para] if para.group().count('"') % 2 == 0 else re.finditer(r"[^\n]+", para.group())
        base = 0 if chunks == [para] else para.start()
        for chunk in chunks:
            for m in QUOTED.finditer(chunk.group()):
                group = next(g for g in (1, 2, 3) if m.group(g) is not None)
                start, end = base + chunk.start() + m.start(group), base + chunk.start() + m.end(group)
                inner = body[start:end]
                if inner.strip():
                    lead, trail = len(inner) - len(inner.lstrip()), len(inner) - len(inner.rstrip())
                    spans.append((start + lead, end - trail))
    return spans


def split_disclaimer(text: str) -> tuple[str, str | None]:
    """The article's body and its "Legal Disclaimer:" tail, if any."""
    found = DISCLAIMER.search(text)
    if found is None:
        return text, None
    return text[: found.start()], " ".join(text[found.end() :].split()) or None


def draft(text: str) -> Draft:
    """What ``text`` (a news article, headline on its first line) says, for a briefing."""
    lines = text.lstrip().splitlines()
    headline = lines[0].lstrip("#").strip() if lines else ""
    body, tail = split_disclaimer(text)
    result = Draft(headline=" ".join(headline.split()) or "Untitled draft")
    if tail:
        outlet = OUTLET.search(tail)
        result.outlet = outlet.group("o") if outlet else None
        result.notes = f"Legal disclaimer: {tail}"
    if result.outlet is None and (dateline := DATELINE.search(body, 0, 1000)):
        result.outlet, result.outlet_from = dateline.group("o").strip(), "the dateline"
    spans = quoted_spans(body)
    plain = _blank(body, spans)
    mentions = find_people(plain, body, result.people)
    result.delegations = _delegations(plain, mentions)
    sides_from_titles(result.people)
    for start, end in spans:
        result.quotes.append(_attribute(body, plain, start, end, mentions, result.quotes))
    result.figures = _figures(plain)
    return result


def _blank(body: str, spans: list[tuple[int, int]]) -> str:
    """``body`` with quoted words blanked (same length), so names in quotes are not mentions."""
    chars = list(body)
    for start, end in spans:
        chars[start:end] = (" " if not c.isspace() else c for c in body[start:end])
    return "".join(chars)


def _delegations(plain: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str | None, str]]:
    found: list[tuple[str, str | None, str]] = []
    for m in DELEGATION.finditer(plain):
        side = m.group("side") or m.group("adj")
        lead = next((pid for at, pid in mentions if m.end() <= at <= m.end() + 60), None)
        if side and all(side != s for s, _, _ in found):
            found.append((side, lead, f'"{side}\'s … led by"'))
    for m in SENT_DELEGATIONS.finditer(plain):
        # "The European Union and Japan sent delegations": sides, no leads.
        for side in re.split(
            r",\s*(?:and\s+)?|\s+and\s+(?=(?:the\s+)?[A-Z])", m.group("sides") or m.group("side")
        ):
            side = re.sub(r"^[Tt]he\s+", "", side.strip())
            if side and all(side != s for s, _, _ in found):
                found.append((side, None, f'"{" ".join(m.group().split())}"'))
    return found


def _sentence_start(plain: str, at: int) -> int:
    para = plain.rfind("\n", 0, at) + 1
    ends = [m.end() for m in SENTENCE_END.finditer(plain, para, at)]
    return ends[-1] if ends else para


def _sentence_end(plain: str, at: int) -> int:
    line_end = plain.find("\n", at)
    line_end = len(plain) if line_end < 0 else line_end
    m = SENTENCE_END.search(plain, at, line_end)
    return m.end() if m else line_end


def _attribute(
    body: str,
    plain: str,
    start: int,
    end: int,
    mentions: list[tuple[int, str]],
    earlier: list[DraftQuote],
) -> DraftQuote:
    # '"…tonight," she said': the comma is the sentence's, not the speaker's.
    quote = DraftQuote(text=body[start:end].rstrip().removesuffix(",").rstrip(), start=start)
    s_start, s_end = _sentence_start(plain, start), _sentence_end(plain, end + 1)
    before, after = plain[s_start:start].rstrip('"“ \t'), plain[end:s_end].lstrip('"” \t')
    sentence = plain[s_start:s_end]

    def person_before(at: int) -> str | None:
        seen = [(pos, pid) for pos, pid in mentions if pos < at]
        subjects = [(pos, pid) for pos, pid in seen if not _after_preposition(plain, pos)]
        best = subjects or seen
        return best[-1][1] if best else None

    def named(name: str, at: int) -> str | None:
        return next((pid for pos, pid in mentions if at <= pos < at + len(name) + 40), None)

    def named_after(m: re.Match[str]) -> str | None:
        at = end + after_offset(plain, end)
        if m.group("n1") is None:  # "said Brazil's chief negotiator, André …": further on
            return named(m.group("w"), at)
        # "Okafor said": the person named right there, not one further on
        # ('"…," Reuters reported' is no one's words the draft can name).
        base = s_end - len(after)  # where ``after`` starts in ``plain``
        lo, hi = base + m.start("n1"), base + m.end("n1")
        return next((pid for pos, pid in mentions if lo <= pos < hi), None)

    name_after = NAME_AFTER.match(after)
    if m := PRONOUN_AFTER.match(after):
        quote.speaker, quote.guess = person_before(start), m.group("w")
    elif (m := name_after) and (pid := named_after(m)):
        quote.speaker, quote.guess = pid, m.group("w")
    elif (m := name_after) and m.group("n1") in AGENCIES:
        # '"…," Reuters reported, citing a diplomat': reported speech.
        quote.reported_by, quote.guess = m.group("n1"), m.group("w")
        if c := CITING.search(after):
            quote.citing = c.group("c").strip()
    elif m := COLON_BEFORE.search(before):
        at = s_start + m.start()
        quote.speaker = named(m.group("n"), at) if m.group("n") else person_before(start)
        quote.guess = m.group("w") + ":"
    elif m := ACCORDING.search(sentence):
        pid = named(m.group("n"), s_start + m.start("n"))
        if pid:
            quote.speaker = pid
        else:
            quote.reported_by = m.group("n").strip()
        quote.guess = m.group("w")
    elif subject := _subject_with_verb(plain, s_start, start, mentions):
        quote.speaker, quote.guess = subject
    elif (m := REPORTERS.search(before)) and re.search(rf"\b(?:{SPEECH})\b", before):
        quote.reported_by, quote.guess = m.group("r"), m.group("r")
        if c := CITING.search(before):
            quote.citing = c.group("c").strip()
    elif earlier and plain.rfind("\n", 0, start) == plain.rfind("\n", 0, earlier[-1].start):
        prev = earlier[-1]
        quote.speaker, quote.reported_by, quote.citing = prev.speaker, prev.reported_by, prev.citing
        quote.guess = "continues the quote before"
    if quote.speaker is None and quote.reported_by is None:
        quote.guess = ""
    # The channel may be named earlier in the paragraph ("Confirming ... on Facebook, X described").
    para_start = plain.rfind("\n", 0, start) + 1
    if c := CHANNEL.search(sentence) or CHANNEL.search(plain, para_start, start):
        quote.channel = c.group("c")
    if w := WEEKDAY.search(sentence):
        quote.when = w.group()
    return quote


def after_offset(plain: str, end: int) -> int:
    """How far past the closing quotation mark the words after it start."""
    rest = plain[end:]
    return len(rest) - len(rest.lstrip('"” \t,'))


def _after_preposition(plain: str, pos: int) -> bool:
    # Back to a comma at most: in "The chair of the Alliance of Small Island
    # States, Ambassador Ilana Seid, warned" she is the subject.
    before = re.split(r"[,;:.!?]", plain[max(0, pos - 60) : pos])[-1]
    words = re.findall(r"[\w'’-]+", before)
    # Skip a title before the name ("from President Volodymyr Zelenskyy").
    while words and words[-1][:1].isupper():
        words.pop()
    return bool(words) and words[-1].lower() in PREPOSITIONS


def _subject_with_verb(
    plain: str, s_start: int, start: int, mentions: list[tuple[int, str]]
) -> tuple[str, str] | None:
    """A person named earlier in the sentence with a verb of saying after them, and the words."""
    for pos, pid in reversed(mentions):
        if s_start <= pos < start and (verb := re.search(rf"\b(?:{SPEECH})\b", plain[pos:start])):
            return pid, " ".join(plain[pos : pos + verb.end()].split())
    return None


def _figures(plain: str) -> list[DraftFigure]:
    found = []
    for m in FIGURE.finditer(plain):
        if m.group("u") in NOT_UNITS:
            continue
        value = f"{m.group('q').lower()} {m.group('n')}" if m.group("q") else m.group("n")
        context = " ".join(plain[max(0, m.start() - 60) : m.end() + 40].split())
        label: str | None = m.group("u")
        unit = "percent" if m.group("pct") else None
        if label in MAGNITUDES:
            # "$22 billion", "17 million Swiss francs": a sum, whose unit is
            # the magnitude and currency; what it counts is for the reader.
            after = CURRENCY_AFTER.match(plain, m.end())
            money = after.group("c") if after else CURRENCY_SIGNS.get(m.group("cur") or "")
            label, unit = None, f"{m.group('u')} {money}" if money else m.group("u")
        found.append(DraftFigure(label, value, context, unit))
    return found
