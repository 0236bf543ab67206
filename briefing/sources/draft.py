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
import unicodedata
from dataclasses import dataclass, field

from briefing.sources.draft_words import (
    ACCORDING,
    CAP_TITLES,
    CHANNEL,
    CITING,
    COLON_BEFORE,
    DELEGATION,
    DISCLAIMER,
    FIGURE,
    NAME,
    NAME_AFTER,
    NOT_NAMES,
    NOT_UNITS,
    OUTLET,
    PREPOSITIONS,
    PRONOUN_AFTER,
    QUOTED,
    REPORTERS,
    SAID_OR_LED,
    SENTENCE_END,
    SPEECH,
    TITLE_AFTER,
    TITLE_BEFORE,
    TITLE_SIDE,
    TITLE_STOP,
    WEEKDAY,
)


@dataclass
class Person:
    id: str
    name: str
    title: str | None = None
    first: int = 0
    """Where the article first names them."""
    side: str | None = None
    """The side their title names ("Brazil's foreign minister"), a guess."""


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
    label: str
    value: str
    context: str
    unit: str | None = None


@dataclass
class Draft:
    headline: str
    outlet: str | None = None
    notes: str | None = None
    people: list[Person] = field(default_factory=list)
    delegations: list[tuple[str, str | None]] = field(default_factory=list)
    """(side, lead person id) for each delegation the article names."""
    quotes: list[DraftQuote] = field(default_factory=list)
    figures: list[DraftFigure] = field(default_factory=list)


# Cyrillic in Latin letters for ids (Полищук -> polishchuk): ids are ASCII.
_CYRILLIC = {
    **dict(
        zip(
            "абвгґдеєёжзиіїйклмнопрстуфхцчшщыэюя",
            "a b v g g d e ye yo zh z i i yi y k l m n o p r s t u f kh ts ch sh shch y e yu ya".split(),
            strict=True,
        )
    ),
    "ъ": "",  # the hard and soft signs are not written
    "ь": "",
}


def slug(text: str) -> str:
    """An id made of ``text``: lower-case ASCII letters, digits and '-'."""
    latin = "".join(_CYRILLIC.get(c, c) for c in text.lower())
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:40] or "person"


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
    spans = quoted_spans(body)
    plain = _blank(body, spans)
    mentions = _people(plain, body, result)
    result.delegations = _delegations(plain, mentions)
    _sides_from_titles(result.people)
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


def _people(plain: str, body: str, result: Draft) -> list[tuple[int, str]]:
    """Find the named people; return every mention as (offset, person id), in order."""
    by_name: dict[str, Person] = {}
    full: list[tuple[int, int, str]] = []
    for m in NAME.finditer(plain):
        name = m.group(1)
        words = name.split()
        if any(w in NOT_NAMES for w in words) or _is_place(plain, m.start()):
            continue
        title = _title(plain, m)
        # Evidence it is a person: a title, a speech verb before or after
        # ("said Sabine Weyand", "Mauro Vieira, said"), leading a delegation
        # ("led by Diana Mondino"), or the surname used alone.
        surname = words[-1]
        alone = len(re.findall(rf"\b{re.escape(surname)}\b", body)) > 1
        verb = re.match(rf"(?:,\s*|\s+)(?:{SPEECH})\b", plain[m.end() :])
        said_or_led = SAID_OR_LED.search(plain, max(0, m.start() - 20), m.start())
        if not (title or alone or verb or said_or_led):
            continue
        person = by_name.get(name)
        if person is None:
            person = by_name[name] = Person("", name, title, m.start())
        elif title and not person.title:
            person.title = title
        full.append((m.start(1), m.end(1), name))
    used: set[str] = set()
    for person in sorted(by_name.values(), key=lambda p: p.first):
        pid = slug(person.name.split()[-1])
        pid = pid if pid not in used else slug(person.name)
        n = 1
        while pid in used:  # two people whose names give the same id
            n += 1
            pid = f"{slug(person.name)}-{n}"
        person.id = pid
        used.add(pid)
        result.people.append(person)
    mentions = [(start, by_name[name].id) for start, _end, name in full]
    for person in result.people:
        surname = person.name.split()[-1]
        for m in re.finditer(rf"\b{re.escape(surname)}\b", plain):
            if not any(s <= m.start() < e for s, e, _n in full):
                mentions.append((m.start(), person.id))
    return sorted(mentions)


def _is_place(plain: str, start: int) -> bool:
    before = plain[max(0, start - 4) : start]
    return bool(re.search(r"\b(?:in|at)\s+$", before))


def _title(plain: str, m: re.Match[str]) -> str | None:
    cap = CAP_TITLES.match(m.group())
    before = plain[max(0, m.start() - 80) : m.start()].split("\n")[-1]
    found = TITLE_BEFORE.search(before)
    title = None
    if found:
        words = found.group("t").split()
        while words and TITLE_STOP.match(words[0]):
            words.pop(0)
        # Keep only the phrase after the last stop word ("facilitated by ... envoy").
        for i in range(len(words) - 1, -1, -1):
            if TITLE_STOP.match(words[i]) or words[i].endswith((",", ".", ";", ":")):
                words = words[i + 1 :]
                break
        title = " ".join(words) or None
    if cap:
        title = " ".join(filter(None, [title, cap.group().strip()]))
    after = TITLE_AFTER.match(plain[m.end() :])
    if not title and after:
        title = re.sub(r"^the\s+", "", after.group("t").strip(), flags=re.I)
    return title or None


def _delegations(plain: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for m in DELEGATION.finditer(plain):
        side = m.group("side") or m.group("adj")
        lead = next((pid for at, pid in mentions if m.end() <= at <= m.end() + 60), None)
        if side and all(side != s for s, _ in found):
            found.append((side, lead))
    return found


def _sides_from_titles(people: list[Person]) -> None:
    """The side each title names: "Brazil's foreign minister" is Brazil's;
    "Donald Trump's special envoy" names a person, not a side."""
    name_words = {word for person in people for word in person.name.split()}
    for person in people:
        found = TITLE_SIDE.match(person.title or "")
        if found and not name_words.intersection(found.group("side").split()):
            person.side = found.group("side")


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
    quote = DraftQuote(text=body[start:end], start=start)
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

    if m := PRONOUN_AFTER.match(after):
        quote.speaker, quote.guess = person_before(start), m.group("w")
    elif (m := NAME_AFTER.match(after)) and (pid := named(m.group("w"), end + after_offset(plain, end))):
        quote.speaker, quote.guess = pid, m.group("w")
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
        found.append(DraftFigure(m.group("u"), value, context, "percent" if m.group("pct") else None))
    return found
