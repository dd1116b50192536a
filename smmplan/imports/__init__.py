"""Bringing posts in from spreadsheets, scheduler files, calendars and smmplan's own outputs."""
