"""Compiled Jinja templates kept between runs: compiling costs more than rendering a month."""

from __future__ import annotations

import hashlib
from typing import Any


def bytecode_cache(kind: str) -> Any:
    """A bytecode cache in smmplan's cache folder, one folder per Jinja version and `kind`."""
    import jinja2
    from jinja2 import FileSystemBytecodeCache

    from smmplan.cache import cache_dir

    folder = cache_dir() / f"jinja-{jinja2.__version__}-{kind}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def from_text(env: Any, text: str) -> Any:
    """Like `env.from_string`, but through the environment's bytecode cache."""
    cache = env.bytecode_cache
    if cache is None:
        return env.from_string(text)
    # The bucket key is made from the name, so each text gets a name of its own.
    name = "inline-" + hashlib.sha256(text.encode()).hexdigest()
    bucket = cache.get_bucket(env, name, None, text)
    if bucket.code is None:
        bucket.code = env.compile(text)
        cache.set_bucket(bucket)
    return env.template_class.from_code(env, bucket.code, env.make_globals(None), None)
