"""Output without the UI: plain text, citations, the JSON Schema."""
