"""Forms of the catalogue. Staff forms first, the public search form at the end."""

from django import forms  # noqa: F401

# --- Staff forms (back office) ---


# --- Public search form ---
