"""Post text from Jinja templates, in a sandbox confined to the repo's templates/ folder."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from smmplan.cache import render_memo

if TYPE_CHECKING:
    from smmplan.render.folder import TemplatesFolder
    from smmplan.render.sandbox import Sandbox

_JINJA_SYNTAX = re.compile(r"\{[{%#]")
_GRAPHEME = regex.compile(r"\X")
_HASHTAG_IN_TEXT = regex.compile(r"#[\p{L}\p{M}\p{N}_]+")


class RenderError(Exception):
    """A template that cannot be loaded or rendered; `line` is 1-based in the template."""

    def __init__(
        self,
        message: str,
        *,
        template: str | None,
        line: int,
        limit: bool = False,
        syntax: bool = False,
        not_found: bool = False,
    ) -> None:
        super().__init__(message)
        self.template = template
        self.line = line
        self.limit = limit
        self.syntax = syntax
        self.not_found = not_found


def truncate_graphemes(text: str, length: int, end: str = "…") -> str:
    """Cut text to `length` user-perceived characters, keeping emoji and accents whole."""
    clusters = _GRAPHEME.findall(str(text))
    if len(clusters) <= length:
        return str(text)
    keep = max(length - len(_GRAPHEME.findall(end)), 0)
    return "".join(clusters[:keep]).rstrip() + end


def hashtags_filter(tags: Any) -> str:
    return " ".join(tags) if isinstance(tags, (list, tuple)) else str(tags)


def published_text(body: str, hashtags: list[str]) -> str:
    """Body, then a blank line and the hashtags the body does not already contain."""
    body = body.strip()
    present = {tag.casefold() for tag in _HASHTAG_IN_TEXT.findall(body)}
    extra = [tag for tag in hashtags if tag.casefold() not in present]
    if not extra:
        return body
    return f"{body}\n\n{' '.join(extra)}".strip()


class Renderer:
    """Renders post bodies for one calendar; compiled templates are cached."""

    def __init__(self, root: Path, language: str) -> None:
        self.language = language or "en"
        self.folder = root / "templates"
        self._cache: dict[tuple[str, str], Any] = {}
        self._uses: dict[tuple[str, str], int] = {}
        self._deps: dict[tuple[str, str], Any] = {}
        self._memo: dict[tuple[Any, ...], str] = {}
        self._plain: dict[str | None, str] = {}  # each text's body when it has no Jinja syntax
        self._jinja: set[str | None] = set()  # the texts that have some
        self._published: dict[tuple[str, tuple[str, ...]], str] = {}

    def published(self, body: str, hashtags: tuple[str, ...]) -> str:
        """published_text(body, hashtags), worked out once per body and hashtags."""
        key = (body, hashtags)
        found = self._published.get(key)
        if found is None:
            found = self._published[key] = published_text(body, list(hashtags))
        return found

    @cached_property
    def loader(self) -> TemplatesFolder:
        from smmplan.render.folder import TemplatesFolder

        return TemplatesFolder(self.folder)

    @cached_property
    def env(self) -> Sandbox:
        """The Jinja sandbox, built on first use: a calendar of plain texts never imports Jinja."""
        from smmplan.cache import jinja as jinja_cache
        from smmplan.render.hints import HintingUndefined
        from smmplan.render.sandbox import Sandbox

        env = Sandbox(
            loader=self.loader,
            undefined=HintingUndefined,
            autoescape=False,
            keep_trailing_newline=False,
            # The sandbox's intercepted operators change the generated code: a folder of its own.
            bytecode_cache=jinja_cache.bytecode_cache("sandbox-3"),
        )
        env.globals = {"range": self._range}
        own: dict[str, Callable[..., Any]] = {
            "hashtags": hashtags_filter,
            "format_date": self._format_date,
            "truncate_graphemes": truncate_graphemes,
        }
        env.filters.update({name: env.guarded(name, f) for name, f in own.items()})
        return env

    def display(self, name: str) -> str:
        """The template file's path as the user would type it."""
        from smmplan.paths import display_path

        return display_path(self.folder / name)

    def _range(self, *args: int) -> Iterator[int]:
        for number in range(*args):
            self.env.budget.tick()
            yield number

    def _format_date(self, value: Any, format: str = "long") -> str:
        from smmplan.l10n import language

        day = date.fromisoformat(value) if isinstance(value, str) else value
        # language() accepts BCP 47 tags (zh-Hant, pt-BR) and falls back to English.
        return language(self.language).date_text(day, format)

    def check(self, name: str) -> RenderError | None:
        """Why template `name` cannot be used, or None when it loads and compiles."""
        try:
            self._compile("file", name)
        except RenderError as exc:
            return exc
        return None

    def _compile(self, kind: str, source: str) -> Any:
        from jinja2 import TemplateNotFound, TemplateSyntaxError

        from smmplan.cache import jinja as jinja_cache

        key = (kind, source)
        if key not in self._cache:
            try:
                if kind == "file":
                    self._cache[key] = self.env.get_template(source)
                else:
                    self._cache[key] = jinja_cache.from_text(self.env, source)
            except TemplateNotFound as exc:
                reason = f": {exc.message}" if exc.message and exc.message != source else ""
                raise RenderError(
                    f"template '{source}' not found under templates/{reason}",
                    template=source,
                    line=1,
                    not_found=True,
                ) from None
            except TemplateSyntaxError as exc:
                raise RenderError(
                    f"template syntax: {exc.message}",
                    syntax=True,
                    template=source if kind == "file" else None,
                    line=exc.lineno or 1,
                ) from None
            except (RecursionError, MemoryError, SyntaxError):
                # Jinja parses and compiles nested blocks and brackets recursively, and
                # Python refuses more than 100 nested blocks in the code Jinja writes.
                raise RenderError(
                    "template syntax: brackets or blocks nested too deeply to compile; "
                    "split it into macros or includes",
                    syntax=True,
                    template=source if kind == "file" else None,
                    line=1,
                ) from None
        return self._cache[key]

    def render(
        self,
        *,
        template: str | None,
        text: str | None,
        context: dict[str, Any] | Callable[[], dict[str, Any]],
        lookup: Callable[[str, str], Any] | None = None,
    ) -> str:
        """The rendered body of one post (reused when the template reads the same values).

        `context` may be a function, called only when the text needs rendering at all.
        `lookup(object, attribute)` gives one value of that context without building it (see
        smmplan.cache.render_memo.Lookup): a reused text then never builds the context.
        """
        if template is None and text not in self._jinja:
            body = self._plain.get(text)
            if body is not None:
                return body
            if not _JINJA_SYNTAX.search(text or ""):
                # Plain text renders to itself (Jinja drops one trailing newline): no compiling.
                body = (text or "").removesuffix("\n")
                self._check_control(body, None, text)
                self._plain[text] = body
                return body
            self._jinja.add(text)
        source = ("file", template) if template else ("text", text or "")
        if lookup is None and callable(context):
            context = context()
        memo_key = self._memo_key(source, lookup or context)  # type: ignore[arg-type]
        if memo_key is not None and memo_key in self._memo:
            return self._memo[memo_key]
        body = self._render(template, text, context() if callable(context) else context)
        if memo_key is not None:
            self._memo[memo_key] = body
        return body

    def _memo_key(
        self, source: tuple[str, str], values: dict[str, Any] | Callable[[str, str], Any]
    ) -> Any:
        # Worked out from the second use on: most drafts render once.
        uses = self._uses[source] = self._uses.get(source, 0) + 1
        if uses < 2:
            return None
        if source not in self._deps:
            # A file's text is what the loader read when the first use compiled it.
            text = self.loader.sources.get(source[1]) if source[0] == "file" else source[1]
            self._deps[source] = render_memo.dependencies(self.env, text) if text else None
        deps = self._deps[source]
        if deps is None:
            return None
        lookup = render_memo.in_context(values) if isinstance(values, dict) else values
        return (source, render_memo.key(deps, lookup))

    def _render(self, template: str | None, text: str | None, context: dict[str, Any]) -> str:
        from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

        from smmplan.render.sandbox import MAX_OUTPUT, Budget

        compiled = (
            self._compile("file", template) if template else self._compile("text", text or "")
        )
        self.env.budget = Budget()
        pieces: list[str] = []
        size = 0
        try:
            for piece in compiled.generate(context):
                size += len(piece)
                if size > MAX_OUTPUT:
                    raise SecurityError(f"text longer than {MAX_OUTPUT} characters")
                self.env.budget.tick(0)
                pieces.append(piece)
        except (
            UndefinedError,
            SecurityError,
            TemplateError,
            TypeError,
            ValueError,
            ArithmeticError,
            AttributeError,
            LookupError,
            RecursionError,
            MemoryError,
            AssertionError,  # Jinja checks some filter arguments with assert: truncate(0)
        ) as exc:
            limit = isinstance(exc, SecurityError | RecursionError | MemoryError)
            raise RenderError(
                _describe(exc),
                template=template,
                limit=limit,
                line=_template_line(exc, compiled.filename),
            ) from None
        body = "".join(pieces)
        self._check_control(body, template, text)
        return body

    def _check_control(self, body: str, template: str | None, text: str | None) -> None:
        """Refuse control characters a template file (or an escape) put into the text."""
        from smmplan.load.positions import CONTROL

        bad = CONTROL.search(body)
        if not bad:
            return
        # A template file's text is what the loader read when it was compiled.
        source = self.loader.sources.get(template, "") if template else text or ""
        at = source.find(bad.group())
        raise RenderError(
            f"control character U+{ord(bad.group()):04X} in the rendered text; remove it",
            template=template,
            line=source.count("\n", 0, at) + 1 if at >= 0 else 1,
        )


def _describe(exc: BaseException) -> str:
    from jinja2.exceptions import SecurityError, UndefinedError

    message = str(exc) or type(exc).__name__
    if isinstance(exc, UndefinedError) and "did you mean" in message:
        return message
    if isinstance(exc, UndefinedError):
        return f"{message} (check the spelling; templates see post, calendar, vars and day)"
    if isinstance(exc, SecurityError):
        return f"template stopped: {message}"
    if isinstance(exc, RecursionError):
        return "template stopped: macros or includes call each other too deeply"
    if isinstance(exc, MemoryError):
        return "template stopped: it needed more memory than there is"
    return f"template failed: {message}"


def _template_line(exc: BaseException, filename: str | None) -> int:
    """The template line where rendering failed (Jinja maps its frames to template lines)."""
    line = 1
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in (filename, "<template>"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
