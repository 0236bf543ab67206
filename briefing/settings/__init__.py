"""What the user has set: ``config.toml`` (reading, positions, saving) and the editor command.

Import from the modules themselves; this package face stays empty so that
reading one setting at start-up loads nothing else.
"""
