"""The heights of a virtualised list's rows: measured where known, estimated elsewhere.

A row's real height is learnt when it is first rendered and kept in a
Fenwick tree of differences from the estimate: finding the row at a line,
or a row's top, takes O(log n) however many rows there are, so a frame of
RowList costs what its visible rows cost. Plain data: RowList decides when
rows are measured and when the heights no longer hold (another width).
"""

from __future__ import annotations

from collections.abc import ItemsView


class RowHeights:
    """The heights of ``count`` rows, each ``estimate`` lines until measured."""

    def __init__(self, count: int = 0, estimate: int = 1) -> None:
        self.count = count
        self.estimate = estimate
        self._heights: dict[int, int] = {}
        """Rows given a height other than the one they had: index -> height."""
        self._tree = [0] * (count + 1)
        """Fenwick tree (1-based) of the heights' differences from the estimate."""

    @property
    def known(self) -> bool:
        """Whether any row has a height other than the estimate."""
        return bool(self._heights)

    def get(self, index: int) -> int | None:
        """The height set for row ``index``, if one was."""
        return self._heights.get(index)

    def items(self) -> ItemsView[int, int]:
        return self._heights.items()

    def set(self, index: int, height: int) -> bool:
        """Make row ``index`` ``height`` lines; whether that changed its height."""
        old = self._heights.get(index, self.estimate)
        if height == old:
            return False
        self._heights[index] = height
        tree, k, n, delta = self._tree, index + 1, len(self._tree) - 1, height - old
        while k <= n:
            tree[k] += delta
            k += k & -k
        return True

    def _delta_before(self, index: int) -> int:
        """Sum of (height - estimate) over the rows before ``index``."""
        tree, total, k = self._tree, 0, index
        while k > 0:
            total += tree[k]
            k -= k & -k
        return total

    def top(self, index: int) -> int:
        """The line at which row ``index`` starts (``count``: the rows' total height)."""
        return index * self.estimate + (self._delta_before(index) if self._heights else 0)

    def at(self, line: int) -> tuple[int, int]:
        """(row index, line within it) of line ``line``."""
        base = self.estimate
        if not self._heights:
            return divmod(line, base)
        # Binary lifting over the tree: the most rows that end at or before line.
        tree, n = self._tree, len(self._tree) - 1
        pos, acc, step = 0, 0, 1 << n.bit_length()
        while step:
            nxt = pos + step
            if nxt <= n and acc + tree[nxt] + step * base <= line:
                pos, acc = nxt, acc + tree[nxt] + step * base
            step >>= 1
        return pos, line - acc
