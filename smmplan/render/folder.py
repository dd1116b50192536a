"""The one folder post templates are loaded from: a Jinja loader that keeps them inside it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateNotFound

from smmplan.cache import inputs, run_memo

MAX_TEMPLATE_BYTES = 256 * 1024  # one template file


class TemplatesFolder(BaseLoader):
    """Loads templates only from one folder: no '..', no absolute paths, no symlinks out."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.sources: dict[str, str] = {}  # what get_source read, by template name

    def locate(self, name: str) -> Path:
        parts = name.replace("\\", "/").split("/")
        if name.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise TemplateNotFound(name, "give a path inside templates/, without '..'")
        try:
            target = _resolved(self.folder / Path(*parts))
            found = inputs.is_file(target)
        except (OSError, ValueError) as exc:  # a name too long for the file system, a loop
            raise TemplateNotFound(name[:80], f"cannot open it: {type(exc).__name__}") from None
        if not target.is_relative_to(self.folder):
            raise TemplateNotFound(name, "it leads outside templates/")
        if not found:
            raise TemplateNotFound(name)
        return target

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        target = self.locate(template)
        if target.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateNotFound(template, f"it is larger than {MAX_TEMPLATE_BYTES // 1024} KiB")
        try:
            data = inputs.read_bytes(target)
            # Line ends as reading in text mode gives them.
            text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        except OSError as exc:
            raise TemplateNotFound(template, f"cannot read it: {exc}") from None
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            bad = f"byte 0x{data[exc.start]:02x} on its line {line}"
            raise TemplateNotFound(template, f"it is not UTF-8 ({bad}); save it as UTF-8") from None
        self.sources[template] = text
        mtime = target.stat().st_mtime
        return text, str(target), lambda: target.stat().st_mtime == mtime

    def load(self, environment: Any, name: str, globals: Any = None) -> Any:
        """The template `name`, its code compiled once per run (smmplan.cache.jinja)."""
        from smmplan.cache import jinja as jinja_cache

        source, filename, uptodate = self.get_source(environment, name)
        code = jinja_cache.file_code(environment, name, filename, source)
        found = {} if globals is None else globals
        return environment.template_class.from_code(environment, code, found, uptodate)


def _resolved(path: Path) -> Path:
    """`path` with its links followed, worked out once per run: each calendar of an agency
    loads the same templates, and following links looks at every folder on the way."""
    found = _RESOLVED.get(path)
    if found is None:
        found = _RESOLVED[path] = path.resolve()
    return found


_RESOLVED: dict[Path, Path] = run_memo.memo()
