"""Synthetic briefings, built in memory, for the search benchmark.

``synthetic_briefing(n)`` returns a valid :class:`~briefing.model.Briefing`
(ids unique, every reference resolves, ``check()`` finds nothing) with about
``n`` searchable items: delegations, people, agenda items, quotes, weapon
counts and timeline events in roughly the proportions of a long-running
negotiation. Names carry accents and alternate spellings (``aka``), quotes
are sentence-like text built from a negotiation vocabulary, so substring
searches hit and miss the way they would on real briefings.

Deterministic: the same ``n`` and ``seed`` always give the same briefing.
Not the YAML generator (that is ``benchmarks/generate.py``).
"""

from __future__ import annotations

import random

from briefing.model import (
    AgendaItem,
    Briefing,
    Delegation,
    Event,
    Figure,
    Meta,
    Person,
    Quote,
    StrikeTally,
    WeaponCount,
)

FIRST = (
    "Volodymyr Vladimir Rustem Dmitry Steve Jared Donald Emmanuel Olaf Giorgia "
    "Keir Ignazio Andriy Sergei Kirill Mykhailo Oleksandr Yulia Olena Iryna "
    "Anna Maria Zoë José François Jürgen Łukasz Søren Ana Inés Mehmet Recep "
    "Hakan Antónia Björn Chloé Ángel Noémie Sebastián Małgorzata Håkon Ivan "
    "Pavlo Kaja Ursula Annalena Antony Marco Mark Petr Alexander"
).split()
LAST = (
    "Zelenskyy Medinsky Umerov Witkoff Kushner Peskov Lavrov Yermak Sybiha "
    "Budanov Kyslytsya Ushakov Dmitriev Fomin Galuzin Müller Straße Schäfer "
    "Öztürk Fidan Kalın Çelik Lefèvre Dubois Jørgensen Łukaszewicz Nowak "
    "Kowalczyk Svoboda Novák García Núñez Peña Rossi Bianchi Smith Johnson "
    "Rubio Kellogg Driscoll Stoltenberg Rutte Kallas Costa Macron Merz Starmer "
    "Meloni Tusk Orbán Fico Erdoğan Cassis Keller-Sutter Sánchez Ramírez"
).split()
# Alternate spellings for some surnames, as transliterations differ.
AKA = {
    "Zelenskyy": ["Zelensky", "Zelenskiy", "Zelenskii", "Selenskyj", "Зеленський"],
    "Medinsky": ["Medinskiy", "Medinskii", "Medinski", "Мединский"],
    "Umerov": ["Umyerov", "Умєров"],
    "Peskov": ["Peskow", "Песков"],
    "Lavrov": ["Lawrow", "Лавров"],
    "Yermak": ["Jermak", "Єрмак"],
    "Müller": ["Mueller", "Muller"],
    "Straße": ["Strasse"],
    "Erdoğan": ["Erdogan"],
}
SIDE_NAMES = [
    "Ukraine", "Russia", "United States", "France", "United Kingdom", "Germany",
    "Italy", "Switzerland", "Türkiye", "Poland", "Czechia", "Spain", "Norway",
    "Denmark", "Sweden", "Finland", "Hungary", "Slovakia", "European Union",
    "NATO", "Qatar", "Saudi Arabia", "United Arab Emirates", "Vatican", "Brazil",
    "China", "India", "South Africa", "Japan", "Canada",
]  # fmt: skip
ROLES = ("mediator", "party", "ally", "observer", "other")
TITLES = (
    "President", "Presidential aide", "Foreign minister", "Defence minister",
    "Special envoy", "Chief of staff", "Deputy foreign minister", "Spokesperson",
    "Head of the delegation", "Military adviser", "Legal adviser", "Ambassador",
    "Secretary of the National Security and Defense Council", "Négociateur en chef",
)  # fmt: skip
PHRASES = (
    "security guarantees", "ceasefire", "line of contact", "prisoner exchange",
    "humanitarian corridor", "territorial questions", "energy infrastructure",
    "the Zaporizhzhia nuclear plant", "sanctions relief", "frozen assets",
    "a just and lasting peace", "the Black Sea", "grain exports",
    "working groups", "a political track", "a military track", "the framework",
    "a clear mandate", "monitoring mission", "peacekeepers", "reconstruction",
    "the Donbas", "Kherson", "Crimea", "Kyiv", "Moscow", "Washington", "Geneva",
    "Abu Dhabi", "Istanbul", "Brussels", "drones", "missiles", "air defence",
    "children returned", "referendum", "elections", "a memorandum",
    "the next round", "direct talks", "shuttle diplomacy", "a joint statement",
    "the sidelines", "our partners", "the American side", "the European allies",
    "naïve proposals", "déjà vu", "the café in the Palais des Nations",
)  # fmt: skip
VERBS = (
    "we discussed", "they rejected", "we are ready to discuss", "nobody accepts",
    "the team raised", "we will not trade", "talks focused on", "we insist on",
    "they proposed", "we need", "there is progress on", "there is no progress on",
    "it is too early to speak about", "the sides agreed on", "we demand",
    "we welcome", "we are working on", "they refused to discuss",
)  # fmt: skip
CHANNELS = ("Telegram", "Facebook", "X", "press remarks", "TASS", "Interfax",
            "RIA Novosti", "Ukrinform", "BBC interview", "CNN interview", None)  # fmt: skip
WHENS = ("Monday", "Tuesday", "Late Tuesday", "Wednesday", "Thursday morning",
         "Before the session", "After the session", "Ahead of Wednesday's session",
         "17 February", "18 February", None)  # fmt: skip
STATUSES = ("proposed", "on-agenda", "in-progress", "agreed", "stalled", "dropped", "unknown")
WEAPONS = ("Missiles", "Drones", "Ballistic missiles", "Cruise missiles",
           "Shahed drones", "Guided aerial bombs", "Kh-101", "Iskander-M", "Kinzhal")  # fmt: skip


def _sentence(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 3)):
        phrase = ", ".join(rng.sample(PHRASES, rng.randint(1, 3)))
        parts.append(f"{rng.choice(VERBS)} {phrase}")
    text = ". ".join(p[0].upper() + p[1:] for p in parts) + "."
    return text


def _figure(rng: random.Random) -> Figure:
    roll = rng.random()
    if roll < 0.2:
        return Figure.not_reported()
    value = rng.randint(1, 900)
    if roll < 0.5:
        return Figure.parse(f"nearly {value}")
    return Figure.parse(value)


def synthetic_briefing(n: int, seed: int = 1) -> Briefing:
    """A valid briefing with about ``n`` searchable items."""
    rng = random.Random(seed)
    n_deleg = max(3, n // 100)
    n_people = max(3, n // 10)
    n_agenda = max(1, n // 10)
    n_counts = max(1, min(200, n // 100))
    rest = max(2, n - n_deleg - n_people - n_agenda - n_counts)
    n_quotes = rest * 6 // 10
    n_events = rest - n_quotes

    delegations: list[Delegation] = []
    people_ids: list[str] = []
    refs: list[str] = []
    per = max(1, n_people // n_deleg)
    made = 0
    for d in range(n_deleg):
        side = SIDE_NAMES[d] if d < len(SIDE_NAMES) else f"{rng.choice(SIDE_NAMES)} {d}"
        members = []
        count = per if d < n_deleg - 1 else max(1, n_people - made)
        for m in range(count):
            made += 1
            last = LAST[(d * 7 + m) % len(LAST)] if m < 3 else rng.choice(LAST)
            first = rng.choice(FIRST)
            pid = f"p{d}-{m}"
            aka = list(AKA.get(last, ()))
            if aka and rng.random() < 0.5:
                aka.append(f"{first} {aka[0]}")
            members.append(
                Person(
                    id=pid,
                    name=f"{first} {last}",
                    title=rng.choice(TITLES) if rng.random() < 0.9 else None,
                    aka=aka,
                    attending=rng.random() < 0.8,
                    notes=_sentence(rng) if rng.random() < 0.3 else None,
                )
            )
            people_ids.append(pid)
        did = f"d{d}"
        refs.append(did)
        delegations.append(
            Delegation(
                id=did,
                side=side,
                role=rng.choice(ROLES),
                lead=members[0].id,
                members=members,
                notes=_sentence(rng) if rng.random() < 0.7 else None,
            )
        )
    refs.extend(people_ids)

    agenda = [
        AgendaItem(
            id=f"a{i}",
            title=_sentence(rng)[:80].rstrip(" .,") or "Agenda item",
            raised_by=rng.sample(refs, rng.randint(0, 2)),
            status=rng.choice(STATUSES),
            notes=_sentence(rng) if rng.random() < 0.6 else None,
        )
        for i in range(n_agenda)
    ]
    quotes = [
        Quote(
            id=f"q{i}",
            speaker=rng.choice(people_ids) if rng.random() < 0.9 else rng.choice(refs[:n_deleg]),
            text=" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))),
            channel=rng.choice(CHANNELS),
            when=rng.choice(WHENS),
            context=_sentence(rng) if rng.random() < 0.5 else None,
        )
        for i in range(n_quotes)
    ]
    counts = []
    for i in range(n_counts):
        launched = _figure(rng)
        intercepted = Figure.not_reported()
        if launched.exact and rng.random() < 0.7:
            intercepted = Figure.parse(rng.randint(0, launched.value or 0))
        counts.append(
            WeaponCount(id=f"w{i}", weapon=rng.choice(WEAPONS), launched=launched, intercepted=intercepted)
        )
    strikes = StrikeTally(
        period="The lead-up to the talks",
        reported_by=people_ids[0],
        reported_when="Late Tuesday",
        channel="Telegram",
        target="Ukraine",
        counts=counts,
    )
    timeline = [
        Event(
            id=f"e{i}",
            when=rng.choice([w for w in WHENS if w]),
            title=_sentence(rng)[:90].rstrip(" .,") or "Event",
            detail=_sentence(rng) if rng.random() < 0.7 else None,
            involves=rng.sample(refs, rng.randint(0, 3)),
        )
        for i in range(n_events)
    ]
    return Briefing(
        schema=1,
        meta=Meta(title=f"Synthetic briefing ({n:,} items)"),
        delegations=delegations,
        agenda=agenda,
        quotes=quotes,
        strikes=strikes,
        timeline=timeline,
    )


def item_count(briefing: Briefing) -> int:
    """Searchable items in ``briefing`` (what the search engine indexes)."""
    people = sum(len(d.members) for d in briefing.delegations)
    counts = len(briefing.strikes.counts) if briefing.strikes else 0
    return (
        len(briefing.delegations) + people + len(briefing.agenda)
        + len(briefing.quotes) + counts + len(briefing.timeline)
    )  # fmt: skip
