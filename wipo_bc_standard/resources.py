"""Where the bundled artifacts (schemas, vocabulary) live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def source_root() -> Path | None:
    """The source checkout this package runs from, if any (an editable install)."""
    root = _PACKAGE.parent
    return root if (root / "pyproject.toml").is_file() and (root / "schemas").is_dir() else None


def data_dir(name: str) -> Path:
    """``schemas`` or ``vocab``: inside the wheel (``_data/``), else the source checkout's folder."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    root = _PACKAGE.parent
    return root / name
