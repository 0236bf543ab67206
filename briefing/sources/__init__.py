"""Reports' texts: finding quotes verbatim and figures as reported. No UI imports.

``text`` indexes one report's text (normalised as ``normal`` says, with a
map back to its own offsets; many quotes are found at once by ``verbatim``);
``numbers`` finds figures in it; ``verify`` checks a briefing
against the texts its ``sources:`` point at, for ``briefing check``;
``passages`` finds the passage an item comes from, for the source view.
"""
