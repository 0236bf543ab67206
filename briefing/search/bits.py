"""Sets of item positions as Python ints (bit ``i`` set = item ``i`` is in).

A big int is a compact, immutable bitset whose ``&``, ``|`` and
``bit_count()`` run in C over machine words: intersecting two sets of 100,000
items takes about a microsecond. Going between bitsets and position lists is
done with C-level iterators (``bytearray`` marking, ``int(..., 2)``,
``itertools.compress``), never with a Python loop per item.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from typing import TypeVar

T = TypeVar("T")

_ONE = ord("1")
_TO_FLAGS = bytes.maketrans(b"01", b"\x00\x01")
_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_SPARSE = 48
"""Below this many members, positions are found with str.find, not compress."""


def from_positions(positions: Iterable[int], size: int) -> int:
    """The bitset of ``positions`` (each in ``range(size)``)."""
    marks = bytearray(b"0") * size
    deque(map(marks.__setitem__, positions, repeat(_ONE)), 0)
    marks.reverse()  # int() reads the most significant digit first
    return int(marks, 2) if size else 0


def from_flags(flags: Iterable[bool]) -> int:
    """The bitset of the positions whose flag is true, first flag = position 0."""
    marks = bytes(flags).translate(_TO_DIGITS)
    return int(marks[::-1], 2) if marks else 0


def _flags(bits: int) -> bytes:
    """One byte per position, 1 where the bit is set, lowest position first."""
    return bin(bits)[:1:-1].encode("ascii").translate(_TO_FLAGS)


def positions(bits: int, universe: Sequence[int] | None = None) -> list[int]:
    """Set positions, ascending. ``universe``, if given, is ``list(range(n))``
    for some n > every position: picking from it makes no new int objects."""
    if bits.bit_count() < _SPARSE:
        text = bin(bits)[:1:-1]
        found, at = [], text.find("1")
        while at >= 0:
            found.append(at)
            at = text.find("1", at + 1)
        return found
    return list(compress(universe if universe is not None else range(bits.bit_length()), _flags(bits)))


def select(items: Sequence[T], bits: int) -> list[T]:
    """``items[i]`` for each set position ``i``, in order."""
    if bits.bit_count() < _SPARSE:
        return [items[i] for i in positions(bits)]
    return list(compress(items, _flags(bits)))
