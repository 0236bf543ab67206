"""Who an article names, for :mod:`briefing.sources.draft`: people with
their titles, their ids, and the sides their titles name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from briefing.model.text import latin_letter
from briefing.sources.draft_words import (
    CAP_TITLES,
    NAME,
    NOT_NAMES,
    ONE_NAME_AFTER,
    SAID_OR_LED,
    SPEECH,
    TITLE_AFTER,
    TITLE_BEFORE,
    TITLE_SIDE,
    TITLE_STOP,
    TITLE_WORD,
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


# Greek likewise, letter by letter as ELOT 743 writes them (Μητσοτάκης ->
# mitsotakis), "ου" as "ou"; accents are dropped first.
_GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(),
        strict=True,
    )
)


def slug(text: str) -> str:
    """An id made of ``text``: lower-case ASCII letters, digits and '-'."""
    latin = "".join(_CYRILLIC.get(c, c) for c in text.lower())
    if any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in latin):
        bare = "".join(c for c in unicodedata.normalize("NFD", latin) if not unicodedata.combining(c))
        latin = "".join(_GREEK.get(c, c) for c in bare.replace("ου", "ou"))
    decomposed = unicodedata.normalize("NFKD", latin)
    ascii_text = "".join(c if c.isascii() else latin_letter(c) or "" for c in decomposed)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:40] or "person"


def find_people(plain: str, body: str, people: list[Person]) -> list[tuple[int, str]]:
    """Find the named people; return every mention as (offset, person id), in order."""
    by_name: dict[str, Person] = {}
    full: list[tuple[int, int, str]] = []
    pos = 0
    while m := NAME.search(plain, pos):
        pos = m.end()
        words = m.group(1).split()
        name = " ".join(words)  # a name wrapped over two lines is one line
        # A word no name has ("Minister", "Tuesday", a title's "Commissioner")
        # ends the run: look again from the word after it, so "Greek Foreign
        # Minister Γιώργος Γεραπετρίτης" and "EU Trade Commissioner Maja
        # Lindqvist" still give their names (the title is found before them).
        bad = next((i for i, w in enumerate(words) if w in NOT_NAMES or TITLE_WORD.fullmatch(w)), None)
        if bad is not None:
            offsets = [w.start() for w in re.finditer(r"\S+", m.group(1))]
            pos = m.start(1) + (offsets[bad + 1] if bad + 1 < len(words) else len(m.group(1)))
            continue
        if _is_place(plain, m.start()):
            continue
        start = m.start(1)
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
            person = by_name[name] = Person("", name, title, start)
        elif title and not person.title:
            person.title = title
        full.append((start, m.end(1), name))
    surnames = {person.name.split()[-1] for person in by_name.values()}
    for m in ONE_NAME_AFTER.finditer(plain):
        # '"…," Okafor said': a speaker named by one word, not a known surname.
        name = m.group("n")
        if name in NOT_NAMES or name in surnames or name.lower() in ("he", "she", "they", "it", "we"):
            continue
        # Not a title ("Chief said") nor a side ("Ukraine said", where the
        # article also writes "Ukraine's"): a side is no person to list.
        if TITLE_WORD.fullmatch(name) or re.search(rf"\b{re.escape(name)}['’]s\b", plain):
            continue
        app = m.group("app") or ""
        title = re.sub(r"^(?:a|an|the)\s+", "", app) if app and not app.startswith("who") else None
        if name not in by_name:
            by_name[name] = Person("", name, title, m.start("n"))
        full.append((m.start("n"), m.end("n"), name))
    full.sort()
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
        people.append(person)
    mentions = [(start, by_name[name].id) for start, _end, name in full]
    for person in people:
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
    # Up to the name itself, a title word the name pattern took in included:
    # "Greek Foreign Minister Γιώργος Γεραπετρίτης" is the Greek Foreign Minister.
    before = plain[max(0, m.start() - 80) : m.start(1)].split("\n")[-1]
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
    if cap and not title:
        title = cap.group().strip()
    after = TITLE_AFTER.match(plain[m.end() :])
    if not title and after:
        title = re.sub(r"^the\s+", "", after.group("t").strip(), flags=re.I)
    return title or None


def sides_from_titles(people: list[Person]) -> None:
    """The side each title names: "Brazil's foreign minister" is Brazil's;
    "Donald Trump's special envoy" names a person, not a side."""
    name_words = {word for person in people for word in person.name.split()}
    for person in people:
        found = TITLE_SIDE.match(person.title or "")
        if found and not name_words.intersection(found.group("side").split()):
            person.side = found.group("side")
