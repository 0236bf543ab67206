"""Reusable widgets, independent of the briefing model."""
