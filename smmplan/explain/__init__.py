"""What each problem code means and how to fix it: one source for `smmplan explain` and SARIF."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Explanation:
    """One code's title, meaning, a wrong and a right example, and the fix."""

    code: str
    title: str
    means: str
    wrong: str
    right: str
    fix: str

    def as_text(self) -> str:
        """Plain text: what `explain` prints into a pipe, and SARIF's `help.text`."""
        return (
            f"{self.code}: {self.title}\n\n{self.means}\n\n"
            f"Wrong:\n{_indent(self.wrong)}\n\nRight:\n{_indent(self.right)}\n\n"
            f"How to fix it: {self.fix}\n"
        )

    def as_markdown(self) -> str:
        """SARIF's `help.markdown`: code-scanning views show it next to the line."""
        return (
            f"**{self.title}**\n\n{self.means}\n\nWrong:\n\n```yaml\n{self.wrong}\n```\n\n"
            f"Right:\n\n```yaml\n{self.right}\n```\n\n**How to fix it:** {self.fix}\n"
        )


def _indent(block: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in block.splitlines())


@functools.cache
def explanations() -> dict[str, Explanation]:
    """Every documented code's explanation, by code."""
    text = resources.files(__package__).joinpath("codes.toml").read_text(encoding="utf-8")
    return {
        code: Explanation(code=code, **{k: v.strip("\n") for k, v in entry.items()})
        for code, entry in tomllib.loads(text).items()
    }


def explain(code: str) -> Explanation | None:
    """The explanation of `code`, in any letter case (`e204` is `E204`)."""
    return explanations().get(code.strip().upper())
