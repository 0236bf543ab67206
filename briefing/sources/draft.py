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

from briefing.model.figures import _QUALIFIER_RE

_TITLE_NOUNS = (
    "spokesman|spokeswoman|spokesperson|envoy|aide|adviser|advisor|son-in-law|secretary|"
    "minister|president|vice president|prime minister|chancellor|ambassador|negotiator|"
    "commander|chief|head|director|leader|official|representative|general|senator|"
    "governor|mayor|premier|foreign minister|chairman|chairwoman|deputy|king|queen|pope"
)
_CAP_TITLES = re.compile(
    r"^(?:(?:Vice |Prime |Foreign |Defen[cs]e |Deputy )?(?:President|Minister|Chancellor|"
    r"Premier|Secretary|Senator|Governor|Mayor|General|King|Queen|Pope|Ambassador)"
    r"|Mr|Mrs|Ms|Dr)\.?\s+"
)


def _letters(case: str) -> str:
    """Every Latin, Greek and Cyrillic letter of one case, for a character class."""
    return "".join(c for c in map(chr, range(0x41, 0x530)) if c.isalpha() and getattr(c, case)())


# A word of a name in any of those scripts: "André", "Corrêa", "Erdoğan",
# "Mbeki-Rowe", "O'Brien"; and the particles between them ("do", "van").
_UPPER, _LOWER = _letters("isupper"), _letters("islower")
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+|['’][{_UPPER}][{_LOWER}]+)*"
_PARTICLE = r"(?:da|de|di|do|dos|das|du|del|della|der|den|van|von|ter|la|le|bin|ibn|al|el)"
_NAME = re.compile(
    rf"\b(?:{_CAP_TITLES.pattern[1:]})?"
    rf"({_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,2}})(?:['’]s)?(?!\w)"
)
_NOT_NAMES = set(
    """The A An On In At As By For From To Of And But Or If While When After Before During
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December National Security Defense Defence
    Council Ministry Union United States Kingdom Nations House Office Party Department Agency
    Press Presswire News Media Legal Disclaimer Foreign Affairs Republic Federation European
    American Russian Ukrainian Kremlin White Armed Forces Army Navy Air Force Committee
    Parliament Congress Senate Court Bank Group Company Ministry Government State Street
    North South East West Middle Central Sea Ocean Gulf River Lake Mount City President Minister
    Secretary Prime Chancellor Senator Governor General King Queen Pope Ambassador Mr Mrs Ms Dr""".split()
)
_SPEECH = (
    r"said|says|added|adds|wrote|writes|told|tells|stated|stating|says|noted|noting|declared|"
    r"described|describing|signaled|signalled|characterized|characterised|called|calling|"
    r"posted|warned|insisted|argued|claimed|announced|explained|stressed|saying|remarked|"
    r"replied|asked|urged|offered|acknowledged|confirmed|disclosed|reported"
)
_PRONOUN_AFTER = re.compile(rf"^[\s,]*(?P<w>(?:he|she|they)\s+(?:{_SPEECH})(?:\s+on\s+\w+)?)\b", re.I)
_NAME_AFTER = re.compile(
    rf"^[\s,]*(?P<w>(?:(?P<n1>{_NAME_WORD}(?:\s+{_NAME_WORD})*)\s+(?:{_SPEECH}))"
    rf"|(?:(?:{_SPEECH})\s+(?P<n2>{_NAME_WORD}(?:\s+{_NAME_WORD})*)))\b"
)
_COLON_BEFORE = re.compile(
    rf"(?P<w>(?:(?P<p>\b(?:[Hh]e|[Ss]he|[Tt]hey))|(?P<n>{_NAME_WORD}(?:\s+{_NAME_WORD})*))"
    rf"\s+(?:{_SPEECH})\b[^.:\"“”]{{0,60}}):\s*$"
)
_ACCORDING = re.compile(r"(?P<w>according to (?P<n>[^,.;:\"“”]{2,80}))", re.I)
_REPORTERS = re.compile(
    r"(?P<r>(?:[A-Z][a-z]+\s+)?(?:state\s+)?(?:media|press|officials|sources|reports|"
    r"news agencies|outlets|analysts|diplomats|observers))\b"
)
_CITING = re.compile(r"(?:drawing on|citing|quoting|according to)\s+(?P<c>[^,.;:\"“”]{3,120})")
_CHANNELS = (
    "Facebook|X|Telegram|Twitter|Instagram|TikTok|YouTube|LinkedIn|Truth Social|Threads|"
    "Bluesky|VK|Weibo|WhatsApp|Mastodon"
)
_CHANNEL = re.compile(rf"\b(?:on|in an?|via)\s+(?P<c>{_CHANNELS})\b(?:\s+post)?")
_WEEKDAY = re.compile(
    r"\b(?:(?:late|early|on|ahead of|before|after|prior to)\s+)?(?:late\s+|early\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s\s+[a-z]+)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_DELEGATION = re.compile(
    rf"(?P<side>{_NAME_WORD})(?:'s|’s)\s+(?:team|delegation|negotiators|side)\s+"
    r"(?:was|were|is|are)\s+(?:headed|led)\s+by\b"
    rf"|[Tt]he\s+(?P<adj>{_NAME_WORD})\s+(?:team|delegation)\s*,?\s+(?:was\s+)?(?:headed|led)\s+by\b"
)
# "Kremlin spokesman Dmitry Peskov", and as an apposition "Brazil's foreign
# minister, Mauro Vieira"; after the name ", the European Commission's
# director-general for trade," (or "... for trade." ending the sentence).
_TITLE_BEFORE = re.compile(
    rf"(?P<t>(?:[A-Z][\w'’-]*\s+){{0,3}}(?:[a-z][\w-]*\s+){{0,2}}(?:{_TITLE_NOUNS})),?\s+$", re.I
)
_TITLE_AFTER = re.compile(
    rf"^,\s+(?P<t>(?:the\s+)?(?-i:(?:[A-Z][\w'’-]*\s+){{0,3}})(?:{_TITLE_NOUNS})\b[^,.;:\"“”]{{0,80}})(?:,|\.(?:\s|$))",
    re.I,
)
_SAID_OR_LED = re.compile(rf"\b(?:(?:{_SPEECH})|(?:led|headed)\s+by)\s+$")
_TITLE_STOP = re.compile(rf"^(?:by|and|the|a|an|of|with|from|to|was|is|,|{_SPEECH})$", re.I)
_PREPOSITIONS = {"from", "to", "with", "of", "for", "under", "against", "about", "toward", "towards"}
# The qualifier in any case: "About 40 officials" opens a sentence and is
# as approximate as "about 40".
# A share keeps its unit: "Some 62% of delegates", "64 percent of capacity".
_FIGURE = re.compile(
    rf"(?<![\w.,])(?:(?P<q>(?i:{_QUALIFIER_RE}))\s+)?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+)"
    r"(?:(?P<pct>%|\s+per\s?cent\b)\s+of)?\s+(?P<u>[a-z][a-z-]+)"
)
_NOT_UNITS = {"of", "and", "or", "to", "in", "on", "at", "the", "a", "per", "percent"}
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?](?=\s)")
_DISCLAIMER = re.compile(r"^[ \t]*(?:Legal\s+)?Disclaimer:?[ \t]*$", re.I | re.M)
_OUTLET = re.compile(r"(?P<o>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)\s+(?:provides|publishes|distributes)\b")


@dataclass
class Person:
    id: str
    name: str
    title: str | None = None
    first: int = 0
    """Where the article first names them."""


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


def slug(text: str) -> str:
    """An id made of ``text``: lower-case ASCII letters, digits and '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40] or "x"


# "...", “...” and British ‘...’: a single quote opens after a space or a
# dash and closes before a non-letter, so the apostrophes of "Brazil’s"
# and "don’t" inside it do not end it.
_QUOTED = re.compile(r'"([^"]*)"|“([^”“]*)”|(?<![\w’])‘((?:[^‘’\n]|’(?=\w))*)’(?!\w)')


def quoted_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks, paired per paragraph."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", body):
        chunks = [para] if para.group().count('"') % 2 == 0 else re.finditer(r"[^\n]+", para.group())
        base = 0 if chunks == [para] else para.start()
        for chunk in chunks:
            for m in _QUOTED.finditer(chunk.group()):
                group = next(g for g in (1, 2, 3) if m.group(g) is not None)
                start, end = base + chunk.start() + m.start(group), base + chunk.start() + m.end(group)
                inner = body[start:end]
                if inner.strip():
                    lead, trail = len(inner) - len(inner.lstrip()), len(inner) - len(inner.rstrip())
                    spans.append((start + lead, end - trail))
    return spans


def split_disclaimer(text: str) -> tuple[str, str | None]:
    """The article's body and its "Legal Disclaimer:" tail, if any."""
    found = _DISCLAIMER.search(text)
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
        outlet = _OUTLET.search(tail)
        result.outlet = outlet.group("o") if outlet else None
        result.notes = f"Legal disclaimer: {tail}"
    spans = quoted_spans(body)
    plain = _blank(body, spans)
    mentions = _people(plain, body, result)
    result.delegations = _delegations(plain, mentions)
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
    for m in _NAME.finditer(plain):
        name = m.group(1)
        words = name.split()
        if any(w in _NOT_NAMES for w in words) or _is_place(plain, m.start()):
            continue
        title = _title(plain, m)
        # Evidence it is a person: a title, a speech verb before or after
        # ("said Sabine Weyand", "Mauro Vieira, said"), leading a delegation
        # ("led by Diana Mondino"), or the surname used alone.
        surname = words[-1]
        alone = len(re.findall(rf"\b{re.escape(surname)}\b", body)) > 1
        verb = re.match(rf"(?:,\s*|\s+)(?:{_SPEECH})\b", plain[m.end() :])
        said_or_led = _SAID_OR_LED.search(plain, max(0, m.start() - 20), m.start())
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
        person.id = pid if pid not in used else slug(person.name)
        used.add(person.id)
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
    cap = _CAP_TITLES.match(m.group())
    before = plain[max(0, m.start() - 80) : m.start()].split("\n")[-1]
    found = _TITLE_BEFORE.search(before)
    title = None
    if found:
        words = found.group("t").split()
        while words and _TITLE_STOP.match(words[0]):
            words.pop(0)
        # Keep only the phrase after the last stop word ("facilitated by ... envoy").
        for i in range(len(words) - 1, -1, -1):
            if _TITLE_STOP.match(words[i]) or words[i].endswith((",", ".", ";", ":")):
                words = words[i + 1 :]
                break
        title = " ".join(words) or None
    if cap:
        title = " ".join(filter(None, [title, cap.group().strip()]))
    after = _TITLE_AFTER.match(plain[m.end() :])
    if not title and after:
        title = re.sub(r"^the\s+", "", after.group("t").strip(), flags=re.I)
    return title or None


def _delegations(plain: str, mentions: list[tuple[int, str]]) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for m in _DELEGATION.finditer(plain):
        side = m.group("side") or m.group("adj")
        lead = next((pid for at, pid in mentions if m.end() <= at <= m.end() + 60), None)
        if side and all(side != s for s, _ in found):
            found.append((side, lead))
    return found


def _sentence_start(plain: str, at: int) -> int:
    para = plain.rfind("\n", 0, at) + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(plain, para, at)]
    return ends[-1] if ends else para


def _sentence_end(plain: str, at: int) -> int:
    line_end = plain.find("\n", at)
    line_end = len(plain) if line_end < 0 else line_end
    m = _SENTENCE_END.search(plain, at, line_end)
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

    if m := _PRONOUN_AFTER.match(after):
        quote.speaker, quote.guess = person_before(start), m.group("w")
    elif (m := _NAME_AFTER.match(after)) and (pid := named(m.group("w"), end + after_offset(plain, end))):
        quote.speaker, quote.guess = pid, m.group("w")
    elif m := _COLON_BEFORE.search(before):
        at = s_start + m.start()
        quote.speaker = named(m.group("n"), at) if m.group("n") else person_before(start)
        quote.guess = m.group("w") + ":"
    elif m := _ACCORDING.search(sentence):
        pid = named(m.group("n"), s_start + m.start("n"))
        if pid:
            quote.speaker = pid
        else:
            quote.reported_by = m.group("n").strip()
        quote.guess = m.group("w")
    elif subject := _subject_with_verb(plain, s_start, start, mentions):
        quote.speaker, quote.guess = subject
    elif (m := _REPORTERS.search(before)) and re.search(rf"\b(?:{_SPEECH})\b", before):
        quote.reported_by, quote.guess = m.group("r"), m.group("r")
        if c := _CITING.search(before):
            quote.citing = c.group("c").strip()
    elif earlier and plain.rfind("\n", 0, start) == plain.rfind("\n", 0, earlier[-1].start):
        prev = earlier[-1]
        quote.speaker, quote.reported_by, quote.citing = prev.speaker, prev.reported_by, prev.citing
        quote.guess = "continues the quote before"
    if quote.speaker is None and quote.reported_by is None:
        quote.guess = ""
    # The channel may be named earlier in the paragraph ("Confirming ... on Facebook, X described").
    para_start = plain.rfind("\n", 0, start) + 1
    if c := _CHANNEL.search(sentence) or _CHANNEL.search(plain, para_start, start):
        quote.channel = c.group("c")
    if w := _WEEKDAY.search(sentence):
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
    return bool(words) and words[-1].lower() in _PREPOSITIONS


def _subject_with_verb(
    plain: str, s_start: int, start: int, mentions: list[tuple[int, str]]
) -> tuple[str, str] | None:
    """A person named earlier in the sentence with a verb of saying after them, and the words."""
    for pos, pid in reversed(mentions):
        if s_start <= pos < start and (verb := re.search(rf"\b(?:{_SPEECH})\b", plain[pos:start])):
            return pid, " ".join(plain[pos : pos + verb.end()].split())
    return None


def _figures(plain: str) -> list[DraftFigure]:
    found = []
    for m in _FIGURE.finditer(plain):
        if m.group("u") in _NOT_UNITS:
            continue
        value = f"{m.group('q').lower()} {m.group('n')}" if m.group("q") else m.group("n")
        context = " ".join(plain[max(0, m.start() - 60) : m.end() + 40].split())
        found.append(DraftFigure(m.group("u"), value, context, "percent" if m.group("pct") else None))
    return found
