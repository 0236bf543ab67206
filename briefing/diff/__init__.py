"""What changed between two versions of a briefing. No UI imports."""

from briefing.diff.changes import Changes, Item, diff

__all__ = ["Changes", "Item", "diff"]
