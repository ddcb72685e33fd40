"""What the readers and converters of the other forms say when they refuse an input."""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding, Level
from ..jsontext import ParseError


@dataclass(frozen=True, slots=True)
class FormError(ParseError):
    """An input that cannot be read in its form (XML, JSON-LD, Turtle), with the clause it breaks."""

    clause: str = ""
    line: int | None = None

    def finding(self, lang: str = "en") -> Finding:
        message = self.message(lang)
        if self.line:
            message = f"line {self.line}: {message}"
        params = self.params + ((("line", self.line),) if self.line else ())
        return Finding(rule=self.rule, level=Level.ERROR, message=message, clause=self.clause, params=params)


def form_error(rule: str, message: str, clause: str, line: int | None = None) -> FormError:
    """A refusal: its English detail is the ``detail`` parameter of the catalogue's template."""
    return FormError(rule, fallback=message, params=(("detail", message),), clause=clause, line=line)


class ConversionError(Exception):
    """A document that has no lossless form in the format asked for."""
