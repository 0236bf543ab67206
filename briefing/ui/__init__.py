"""The Textual user interface. Receives model objects; never reads YAML."""
