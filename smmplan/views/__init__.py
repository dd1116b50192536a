"""What `show` and `stats` print: plain functions from a Schedule to rich renderables.

Only the command line imports the rich views; `days` holds plain helpers the HTML export
shares, so the core never needs rich.
"""
