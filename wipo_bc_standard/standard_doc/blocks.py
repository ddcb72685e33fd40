"""The draft standard as a sequence of layout-neutral blocks, which the writers turn into Markdown,
HTML or Word. Inline text may carry ``**bold**``, ``*italic*`` and ```code``` marks (see :func:`runs`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_INLINE = re.compile(r"(\*\*[^*]+\*\*|`[^`]+`|(?<![\w*])\*[^*\s][^*]*\*(?![\w*]))")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph; ``number`` is its paragraph number in the body of the standard (None: unnumbered)."""

    text: str
    number: int | None = None
    #: A requirement's rule id (requirements are numbered paragraphs that state one rule).
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Code:
    text: str
    language: str = ""


Block = Heading | Para | Bullets | Table | Code


@dataclass(slots=True)
class Document:
    title: str
    subtitle: str
    lang: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def requirements(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para) and b.rule]


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` as (piece, mark) pairs; mark is "", "b" (bold), "i" (italic) or "code"."""
    text = _LINK.sub(r"\1", text)
    out: list[tuple[str, str]] = []
    for piece in _INLINE.split(text):
        if not piece:
            continue
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            out.append((piece[2:-2], "b"))
        elif piece.startswith("`") and piece.endswith("`") and len(piece) > 2:
            out.append((piece[1:-1], "code"))
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            out.append((piece[1:-1], "i"))
        else:
            out.append((piece, ""))
    return out


def plain(text: str) -> str:
    """``text`` without its inline marks."""
    return "".join(piece for piece, _ in runs(text))


def from_markdown(text: str, base_level: int) -> list[Block]:
    """Blocks of a Markdown page (headings, paragraphs, bullet lists, pipe tables, fenced code):
    what the hand-written normative pages use. ``#`` becomes ``base_level``."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Para(" ".join(s.strip() for s in paragraph)))
            paragraph.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            flush()
            language = stripped[3:].strip()
            body = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                body.append(lines[i])
                i += 1
            blocks.append(Code("\n".join(body), language))
        elif stripped.startswith("#"):
            flush()
            hashes = len(stripped) - len(stripped.lstrip("#"))
            blocks.append(Heading(base_level + hashes - 1, stripped[hashes:].strip()))
        elif stripped.startswith("|"):
            flush()
            table = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = tuple(c.strip() for c in re.split(r"(?<!\\)\|", lines[i].strip().strip("|")))
                if not all(set(c) <= set("-: ") for c in cells):
                    table.append(tuple(c.replace("\\|", "|") for c in cells))
                i += 1
            blocks.append(Table(table[0], tuple(table[1:])))
            continue
        elif stripped.startswith(("- ", "* ")):
            flush()
            items: list[str] = []
            while i < len(lines) and lines[i].strip():
                item = lines[i].strip()
                if item.startswith(("- ", "* ")):
                    items.append(item[2:])
                elif items:
                    items[-1] += " " + item
                i += 1
            blocks.append(Bullets(tuple(items)))
            continue
        elif not stripped:
            flush()
        else:
            paragraph.append(stripped)
        i += 1
    flush()
    return blocks
