"""Rendering post texts with Jinja templates in a sandbox."""
