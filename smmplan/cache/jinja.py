"""Compiled Jinja templates kept between runs: compiling costs more than rendering a month.

Jinja itself checks each compiled template against its source's checksum, and its own version
and the Python's. What it cannot see is smmplan: the sandbox rewrites the code it generates.
So each compiled template is filed under the key of smmplan.cache.fingerprint (the kind of
environment and smmplan's own files) joined with the template's name.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from smmplan.cache import fingerprint, run_memo, store

KIND = "jinja"


class _Kept(FileSystemBytecodeCache):
    """Jinja's file cache, keyed by smmplan's fingerprint, with entries pruned as the others."""

    def __init__(self, folder: Path, environment: str) -> None:
        super().__init__(str(folder))
        self.folder = folder
        cache_key = fingerprint.key(
            KIND, options={"environment": environment, "jinja": jinja2.__version__}
        )
        self.salt = json.dumps(cache_key, sort_keys=True)

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        text = f"{self.salt}|{name}|{filename or ''}"
        return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        super().load_bytecode(bucket)
        if bucket.code is not None:
            store.mark_used(self._get_cache_filename(bucket))

    def dump_bytecode(self, bucket: Bucket) -> None:
        super().dump_bytecode(bucket)
        store.prune(self.folder)


def bytecode_cache(environment: str) -> Any:
    """A bytecode cache in smmplan's cache folder for templates of one kind of `environment`."""
    folder = store.cache_dir() / KIND
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _Kept(folder, environment)


def from_text(env: Any, text: str) -> Any:
    """Like `env.from_string`, but through the environment's bytecode cache."""
    if env.bytecode_cache is None:
        return env.from_string(text)
    # The bucket key is made from the name, so each text gets a name of its own.
    name = "inline-" + hashlib.sha256(text.encode()).hexdigest()
    code = _code(env, (text,), name, None, text, functools.partial(env.compile, text))
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def file_code(env: Any, name: str, filename: str, source: str) -> Any:
    """The code of template file `name`, compiled as Jinja's loaders compile it."""
    if env.bytecode_cache is None:
        return env.compile(source, name, filename)
    compile_it = functools.partial(env.compile, source, name, filename)
    return _code(env, (name, filename, source), name, filename, source, compile_it)


def _code(
    env: Any,
    key: tuple[str, ...],
    name: str,
    filename: str | None,
    source: str,
    compile_it: Callable[[], Any],
) -> Any:
    """Compiled code from the run's memo, else from the bytecode cache, else compiled (and
    kept in both): many calendars of one run share their texts and template files, each in an
    environment of its own."""
    cache = env.bytecode_cache
    code = _COMPILED.get((cache.salt, *key))
    if code is None:
        bucket = cache.get_bucket(env, name, filename, source)
        if bucket.code is None:
            bucket.code = compile_it()
            cache.set_bucket(bucket)
        code = _COMPILED[(cache.salt, *key)] = bucket.code
    return code


# Code compiled in this run: by the environment's key and the text (a file's also by its name
# and path).
_COMPILED: dict[tuple[str | None, ...], Any] = run_memo.memo()
