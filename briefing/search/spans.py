"""Where a query's needles occur in a field, in ORIGINAL string offsets.

Spans are ``(start, end)`` pairs, end exclusive, sorted and merged, in the
text ``SearchResult.text(item_id, field)`` returns (the model's string, or
for list fields the display names joined with ", ").

Aliases: when a needle occurs in none of a name's shown text but in one of
its alternate spellings (``Medinskiy`` for "Vladimir Medinsky"), the whole
shown name is the span, so the user sees which name matched. A person's own
``aka`` field gets ordinary spans, and an agenda ``status`` label is
highlighted whole when only the raw status (``on-agenda``) matched.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.search.fields import JOIN, Segment
from briefing.search.normalize import fold, fold_map, to_original

Span = tuple[int, int]

_fold_map = lru_cache(maxsize=4096)(fold_map)
_fold = lru_cache(maxsize=4096)(fold)


def segment_spans(segment: Segment, needles: tuple[str, ...]) -> list[Span]:
    """Spans of ``needles`` in one segment's text (unmerged)."""
    text = segment.text
    folded, origin = _fold_map(text)
    out: list[Span] = []
    for needle in needles:
        at = folded.find(needle)
        if at < 0:
            if any(needle in _fold(alias) for alias in segment.aliases):
                out.append((0, len(text)))
            continue
        while at >= 0:
            out.append(to_original(text, origin, at, at + len(needle)))
            at = folded.find(needle, at + 1)
    return out


def field_spans(segments: list[Segment], needles: tuple[str, ...]) -> list[Span]:
    """Merged spans of ``needles`` in a field's joined text."""
    out: list[Span] = []
    offset = 0
    for segment in segments:
        out.extend((offset + a, offset + b) for a, b in segment_spans(segment, needles))
        offset += len(segment.text) + len(JOIN)
    return merge(out)


def merge(spans: list[Span]) -> list[Span]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
