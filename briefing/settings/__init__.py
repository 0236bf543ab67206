"""Where things live on disk and what the user has set: paths, config, editor."""
