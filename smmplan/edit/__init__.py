"""Changing a user's calendar files in place, keeping every byte the change does not touch."""
