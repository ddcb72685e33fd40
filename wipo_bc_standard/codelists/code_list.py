"""What a code list is: the codes of one closed enumeration, and the public source it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Code:
    """One value of a code list."""

    value: str
    label: str
    definition: str = ""
    #: Extra facts about the code (for example the legal-status standard of an IP right kind).
    facts: tuple[tuple[str, str], ...] = field(default=())

    def fact(self, name: str) -> str | None:
        return dict(self.facts).get(name)


@dataclass(frozen=True, slots=True)
class CodeList:
    """A closed list of codes, published as its own SKOS concept scheme."""

    id: str
    title: str
    definition: str
    source: str
    codes: tuple[Code, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.codes)

    def __contains__(self, value: object) -> bool:
        return value in self.values

    def get(self, value: str) -> Code | None:
        return next((c for c in self.codes if c.value == value), None)


def codes(*rows: tuple[str, ...] | tuple[str, str, str, tuple[tuple[str, str], ...]]) -> tuple[Code, ...]:
    """Codes from rows of (value, label[, definition[, facts]])."""
    return tuple(Code(*row) for row in rows)  # type: ignore[arg-type]
