"""Generate valid briefing YAML files of any size, for benchmarks and tests.

    python benchmarks/generate.py N OUT.yaml [--seed S]

or, from Python, ``generate(n, seed=0) -> str`` and ``write(n, path)``.

``n`` items are split across the four growing lists of a briefing: people
(in delegations of up to ~25 members), agenda items, quotes and timeline
events, in roughly the proportions of a busy real briefing (half quotes).
A small strike tally (two counts, one approximate, one not reported) is
added on top and not counted. The text is random but realistic in shape:
names are built from varied syllables, quotes are one to three sentences,
notes and details a sentence or two, and some values need quoting in YAML
(colons, leading quotes, words like ``no`` or numbers-looking text) so the
reader's quoted-scalar paths are exercised too.

The output is deterministic for a given ``n`` and ``seed``, and every file
passes ``briefing check``: ids are unique across the file, and every
``speaker``, ``raised_by``, ``involves`` and ``reported_by`` names a person
or delegation defined in it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

# Share of the items that go to each list (people, agenda, quotes, timeline).
SHARES = {"people": 0.15, "agenda": 0.15, "quotes": 0.5, "timeline": 0.2}
MEMBERS_PER_DELEGATION = 25

_ONSETS = [
    "b",
    "br",
    "ch",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "kh",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "sh",
    "st",
    "t",
    "tr",
    "v",
    "vl",
    "y",
    "z",
    "zh",
    "",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ia", "io", "ou", "y", "é", "ö"]
_CODAS = ["", "", "", "n", "r", "s", "l", "k", "m", "v", "sh", "nd", "rt", "st"]
_WORDS = (
    "agreement ceasefire corridor delegation prisoners exchange security "
    "guarantees monitoring mission border region talks round proposal "
    "framework partners sanctions energy infrastructure grain shipments port "
    "humanitarian access civilians withdrawal positions troops line contact "
    "observers verification timetable phase first next final technical "
    "working group experts principle progress difficult constructive serious "
    "frank open substantive results mandate president minister envoy people "
    "side both our their this that every week today tomorrow again soon "
    "cannot will must should would ready willing committed concerned clear "
    "position question issue matter details document draft text statement "
    "we they it is are was were have has had been not only also still"
).split()
_FILLER = "and the of to in for on with from about".split()
_CHANNELS = [
    "Facebook",
    "X",
    "Telegram",
    "press remarks",
    "a televised address",
    "a briefing for reporters",
    "an interview",
    None,
    None,
]
_WHEN = [
    "Tuesday",
    "Wednesday",
    "Thursday morning",
    "Late Tuesday",
    "Ahead of Wednesday's session",
    "After the talks",
    "Earlier rounds",
    "17 February",
    "18 February",
    "Over the weekend",
    None,
]
_ROLES = ["mediator", "party", "party", "ally", "observer", "other"]
_STATUSES = ["proposed", "on-agenda", "in-progress", "agreed", "stalled", "dropped", "unknown"]
_TITLES = [
    "Minister of Foreign Affairs",
    "Special envoy",
    "Deputy head of the presidential office",
    "Chief negotiator",
    "Adviser on security",
    "Spokesperson",
    "Head of the working group on humanitarian issues",
    "Ambassador",
    "Military adviser",
    "Legal adviser",
]
_COUNTRIES = [
    "Aldoria",
    "Belvania",
    "Corvassa",
    "Drumlin",
    "Estmarch",
    "Fennick",
    "Galvora",
    "Hestland",
    "Istria Nova",
    "Jorvik",
]

# Plain scalars must not start with an indicator, contain ': ' or ' #', or
# resolve to something other than text (null, booleans, numbers).
_PLAIN_OK = re.compile(r"^[A-Za-z\u00c0-\u024f\u0400-\u04ff][^:#\n\"']*$")
_NOT_TEXT = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9._]+|"
    r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"
)


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain where that is safe, else JSON-quoted."""
    if _PLAIN_OK.match(text) and not _NOT_TEXT.match(text) and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)


class _Text:
    """Random names and sentences from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def syllables(self, low: int, high: int) -> str:
        r = self.rng
        return "".join(
            r.choice(_ONSETS) + r.choice(_VOWELS) + r.choice(_CODAS) for _ in range(r.randint(low, high))
        )

    def name(self) -> str:
        first = self.syllables(1, 3).capitalize()
        last = self.syllables(2, 4).capitalize()
        if self.rng.random() < 0.15:
            last = f"{last}-{self.syllables(1, 3).capitalize()}"
        return f"{first} {last}"

    def sentence(self, low: int = 4, high: int = 14) -> str:
        r = self.rng
        words = [
            r.choice(_FILLER) if r.random() < 0.25 else r.choice(_WORDS) for _ in range(r.randint(low, high))
        ]
        if len(words) > 8 and r.random() < 0.3:
            words[r.randint(2, len(words) - 3)] += ","
        return " ".join(words).capitalize() + r.choice([".", ".", ".", "!", "?"])

    def sentences(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self, low: int = 2, high: int = 7) -> str:
        return self.sentence(low, high).rstrip(".!?")

    def maybe(self, choices: list[str | None]) -> str | None:
        return self.rng.choice(choices)


def split(n: int) -> dict[str, int]:
    """How many of ``n`` items each list gets (at least one person)."""
    counts = {key: int(n * share) for key, share in SHARES.items()}
    counts["people"] = max(1, counts["people"])
    counts["quotes"] += n - sum(counts.values())  # rounding goes to quotes
    if counts["quotes"] < 0:  # n == 0: one person and nothing else
        counts["quotes"] = 0
    return counts


def generate(n: int, seed: int = 0) -> str:
    """A valid briefing with ``n`` items (see the module docstring)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    rng = random.Random(seed)
    t = _Text(rng)
    counts = split(n)
    out: list[str] = []
    w = out.append

    w("# Generated by benchmarks/generate.py: random text, valid structure.\n")
    w("schema: 1\n\nmeta:\n")
    w(f"  title: {scalar(f'Generated briefing with {n:,} items')}\n")
    w("  place: Geneva\n")
    w(f"  status: {scalar(t.title(3, 8))}\n")
    w(f"  summary: >-\n    {t.sentences(2, 3)}\n")
    w("  days:\n")
    for label in ("Tuesday", "Wednesday"):
        w(f"    - label: {label}\n      summary: {scalar(t.sentence())}\n")
    w("  format: [Closed to the press, Trilateral format]\n")
    w('  updated: "2026-02-18"\n')
    w("  source: {outlet: Generated, headline: Synthetic data for benchmarks}\n")

    # People, in delegations; ids are a counter plus a slug, unique by the counter.
    people: list[str] = []
    delegations: list[str] = []
    w("\ndelegations:\n")
    remaining = counts["people"]
    d_index = 0
    while remaining > 0:
        size = min(remaining, rng.randint(MEMBERS_PER_DELEGATION // 2, MEMBERS_PER_DELEGATION))
        remaining -= size
        d_id = f"d{d_index}"
        delegations.append(d_id)
        country = _COUNTRIES[d_index % len(_COUNTRIES)]
        side = country if d_index < len(_COUNTRIES) else f"{country} {d_index // len(_COUNTRIES) + 1}"
        members = []
        for _ in range(size):
            name = t.name()
            slug = re.sub(r"[^a-z]+", "-", name.lower()).strip("-")[:40] or "p"
            p_id = f"{slug}-{len(people)}"
            people.append(p_id)
            members.append((p_id, name))
        w(f"  - id: {d_id}\n    side: {scalar(side)}\n")
        w(f"    role: {rng.choice(_ROLES)}\n    lead: {members[0][0]}\n")
        if rng.random() < 0.7:
            w(f"    notes: {scalar(t.sentences(1, 2))}\n")
        w("    members:\n")
        for p_id, name in members:
            w(f"      - id: {p_id}\n        name: {scalar(name)}\n")
            if rng.random() < 0.8:
                w(f"        title: {scalar(rng.choice(_TITLES))}\n")
            if rng.random() < 0.4:
                aka = [name.split()[-1], t.name()]
                w(f"        aka: [{', '.join(scalar(a) for a in aka)}]\n")
            if rng.random() < 0.1:
                w("        attending: false\n")
            if rng.random() < 0.2:
                w(f"        notes: {scalar(t.sentence())}\n")
        d_index += 1
    refs = people + delegations

    def some_refs(low: int, high: int) -> str:
        chosen = rng.sample(refs, min(len(refs), rng.randint(low, high)))
        return "[" + ", ".join(chosen) + "]"

    w("\nagenda:\n" if counts["agenda"] else "\nagenda: []\n")
    for i in range(counts["agenda"]):
        w(f"  - id: a{i}\n    title: {scalar(t.title())}\n")
        w(f"    raised_by: {some_refs(1, 3)}\n    status: {rng.choice(_STATUSES)}\n")
        if rng.random() < 0.4:
            w(f"    notes: >-\n      {t.sentences(1, 2)}\n")

    w("\nquotes:\n" if counts["quotes"] else "\nquotes: []\n")
    for i in range(counts["quotes"]):
        text = t.sentences(1, 3)
        if rng.random() < 0.05:  # a colon forces a quoted scalar
            text = "Our position: " + text
        w(f"  - id: q{i}\n    speaker: {rng.choice(refs)}\n    text: {scalar(text)}\n")
        if channel := t.maybe(_CHANNELS):
            w(f"    channel: {scalar(channel)}\n")
        if when := t.maybe(_WHEN):
            w(f"    when: {scalar(when)}\n")
        if rng.random() < 0.3:
            w(f"    context: {scalar(t.sentence(3, 8))}\n")

    w("\nstrikes:\n  period: The lead-up to the talks\n  target: Aldoria\n")
    w(f"  reported_by: {refs[0]}\n  reported_when: Late Tuesday\n  channel: Telegram\n")
    w("  counts:\n")
    w("    - id: s-missiles\n      weapon: Missiles\n      launched: 29\n      intercepted: 25\n")
    w("    - id: s-drones\n      weapon: Drones\n      launched: nearly 400\n")
    w("      intercepted: not reported\n")

    w("\ntimeline:\n" if counts["timeline"] else "\ntimeline: []\n")
    for i in range(counts["timeline"]):
        w(f"  - id: e{i}\n    when: {scalar(t.maybe(_WHEN) or 'Earlier')}\n")
        w(f"    title: {scalar(t.title(3, 9))}\n")
        if rng.random() < 0.5:
            w(f"    detail: {scalar(t.sentence())}\n")
        w(f"    involves: {some_refs(1, 4)}\n")
    return "".join(out)


def write(n: int, path: str | Path, seed: int = 0) -> Path:
    """Write a generated briefing of ``n`` items to ``path``; return the path."""
    path = Path(path)
    path.write_text(generate(n, seed), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of items")
    parser.add_argument("out", type=Path, help="YAML file to write")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("n must be >= 0")
    path = write(args.n, args.out, args.seed)
    print(f"{path}: {args.n:,} items, {path.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
