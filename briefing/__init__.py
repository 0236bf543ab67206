"""briefing: a terminal dashboard for meeting briefings written in YAML."""

__version__ = "0.1.0"
