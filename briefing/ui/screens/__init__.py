"""Screens: the main dashboard, item details, help and load errors."""
