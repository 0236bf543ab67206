"""Benchmarks: a briefing generator and the start-up / scale measurement."""
