"""smmplan: a content-calendar planner for social-media managers."""

__version__ = "0.1.0"
