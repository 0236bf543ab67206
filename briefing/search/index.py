"""The search index over a briefing, and search results. No UI imports.

Each item (person, delegation, agenda item, quote, count, event) becomes one
folded "haystack": its displayed fields plus hidden ones that should still
find it (alternate spellings, the names of the people it involves), joined
by a separator no query can contain. Matching is substring containment of
every term, which Python does in C.

Per keystroke the work is kept small in two ways: a one-character query is
answered from a per-character posting list built with the index, and a
query that extends the previous one only re-checks the previous matches.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from briefing.format import Briefing, Roster
from briefing.search.normalize import fold, fold_with_offsets
from briefing.search.query import Query, parse

SEPARATOR = "\x1f"
"""Between fields, so a phrase never matches across two of them."""

KINDS = ("delegation", "person", "agenda", "quote", "count", "event")


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    fields: dict[str, str]
    """Displayed field name -> the text as shown, for highlighting."""


@dataclass
class SearchResult:
    """Items matching a query, in briefing order."""

    query: Query
    positions: Sequence[int]
    """Indexes into the index's entries."""
    index: SearchIndex = field(repr=False)
    _ids: frozenset[str] | None = field(default=None, repr=False)

    @property
    def ids(self) -> list[str]:
        entries = self.index.entries
        return [entries[p].id for p in self.positions]

    @property
    def id_set(self) -> frozenset[str]:
        if self._ids is None:
            self._ids = frozenset(self.ids)
        return self._ids

    @property
    def count_by_kind(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        entries = self.index.entries
        for p in self.positions:
            counts[entries[p].kind] += 1
        return counts

    def __len__(self) -> int:
        return len(self.positions)

    def spans(self, item_id: str, field_name: str) -> list[tuple[int, int]]:
        """Ranges of ``field_name``'s displayed text that match a term."""
        entry = self.index.by_id.get(item_id)
        if entry is None or self.query.empty:
            return []
        text = entry.fields.get(field_name)
        return spans_in(text, self.query.terms) if text else []


def spans_in(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where folded ``terms`` occur in ``text``, in ``text``'s own offsets."""
    folded, offsets = fold_with_offsets(text)
    found: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            found.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(term, end)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class SearchIndex:
    """Everything searchable in one briefing."""

    def __init__(self, briefing: Briefing) -> None:
        self.entries: list[Entry] = list(_entries(briefing))
        self.by_id = {entry.id: entry for entry in self.entries}
        self.haystacks: list[str] = []
        self._by_char: dict[str, array[int]] = {}
        for position, entry in enumerate(self.entries):
            hidden = entry.fields.get("\x00hidden", "")
            visible = [v for k, v in entry.fields.items() if not k.startswith("\x00")]
            haystack = SEPARATOR.join(fold(text) for text in (*visible, hidden) if text)
            self.haystacks.append(haystack)
            for char in set(haystack):
                postings = self._by_char.get(char)
                if postings is None:
                    postings = self._by_char[char] = array("I")
                postings.append(position)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, text: str, previous: SearchResult | None = None) -> SearchResult:
        """Items matching every term of ``text``.

        Pass the result for the previous keystroke as ``previous``: when the
        new query only narrows it, just those items are checked again.
        """
        query = parse(text)
        if query.empty:
            return SearchResult(query, range(len(self.entries)), self)
        if previous is not None and previous.index is self and not previous.query.empty and query.narrows(previous.query):
            candidates: Sequence[int] = previous.positions
        else:
            # Every term's first character must be there: start from the
            # rarest posting list instead of every item.
            lists = [self._by_char.get(term[0], array("I")) for term in query.terms]
            candidates = min(lists, key=len)
            if len(query.terms) == 1 and len(query.terms[0]) == 1:
                return SearchResult(query, candidates, self)
        # The cost is the substring scans themselves (all in C); the loop
        # around them is a small part, so it stays a plain comprehension.
        haystacks = self.haystacks
        terms = query.terms
        if len(terms) == 1:
            term = terms[0]
            positions = [p for p in candidates if term in haystacks[p]]
        else:
            positions = [p for p in candidates if all(t in haystacks[p] for t in terms)]
        return SearchResult(query, positions, self)


def _names(roster: Roster, refs: Iterable[str]) -> str:
    return ", ".join(roster.name_of(r) for r in refs)


def _aliases(roster: Roster, refs: Iterable[str]) -> str:
    """Alternate spellings of the people referred to (hidden search text)."""
    out = []
    for ref in refs:
        person = roster.people.get(ref)
        if person is not None:
            out.extend(person.aka)
    return " ".join(out)


def _entries(b: Briefing) -> Iterable[Entry]:
    roster = Roster(b)
    hidden = "\x00hidden"
    for d in b.delegations:
        yield Entry(d.id, "delegation", {"side": d.side, "role": d.role, "notes": d.notes or ""})
        for p in d.members:
            yield Entry(
                p.id,
                "person",
                {
                    "name": p.name,
                    "title": p.title or "",
                    "notes": p.notes or "",
                    hidden: " ".join([*p.aka, d.side]),
                },
            )
    for a in b.agenda:
        yield Entry(
            a.id,
            "agenda",
            {
                "title": a.title,
                "raised_by": _names(roster, a.raised_by),
                "notes": a.notes or "",
                hidden: " ".join([a.status.replace("-", " "), _aliases(roster, a.raised_by)]),
            },
        )
    for q in b.quotes:
        yield Entry(
            q.id,
            "quote",
            {
                "speaker": roster.name_of(q.speaker),
                "text": q.text,
                "channel": q.channel or "",
                "when": q.when or "",
                "context": q.context or "",
                hidden: _aliases(roster, [q.speaker]),
            },
        )
    if b.strikes is not None:
        t = b.strikes
        reporter = [t.reported_by] if t.reported_by else []
        for c in t.counts:
            yield Entry(
                c.id,
                "count",
                {
                    "weapon": c.weapon,
                    "launched": c.launched.text,
                    "intercepted": c.intercepted.text,
                    hidden: " ".join(
                        [t.period, t.channel or "", t.target or "", _names(roster, reporter), _aliases(roster, reporter)]
                    ),
                },
            )
    for e in b.timeline:
        yield Entry(
            e.id,
            "event",
            {
                "when": e.when,
                "title": e.title,
                "detail": e.detail or "",
                "involves": _names(roster, e.involves),
                hidden: _aliases(roster, e.involves),
            },
        )
