"""Shared pytest fixtures. Browser-test fixtures live in tests/browser/conftest.py."""
