"""One module per pane. Each pane shows one part of a briefing in a RowList."""
