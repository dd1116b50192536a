"""Reviewing a calendar change: two versions (git revisions or folders) compared post by post,
and approvals written into the calendar and checked against what it now renders."""
