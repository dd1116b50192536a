"""What smmplan keeps between runs to go faster, under one policy (docs/architecture.md).

Every cached result is stored under a key made by `fingerprint.key`: the kind of result, every
input it read (`inputs` records the files), the options, the date today where the result
depends on it, and a digest of smmplan's own files and libraries (`fingerprint.package_digest`).
`store` holds the folder, the entries and their pruning; the other modules are the caches:
`check` (problems and schedules), `output` (exported files), `render_memo` (what a template
reads), `jinja` (compiled templates) and `holidays` (public holidays).

This package imports nothing on its own, so that a run that uses one cache pays for that one.
"""
