"""Ontwikkelplein: the educational and social work of Dutch public libraries in one place."""
