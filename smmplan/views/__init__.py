"""What `show` and `stats` print: plain functions from a Schedule to rich renderables.

Only the command line imports this package, so the core never needs rich.
"""
