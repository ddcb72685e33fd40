"""The generated artifacts of the other forms: the XSD, the SHACL shapes and the JSON-LD context.

``export`` writes them (into ``schemas/`` and ``vocab/``); ``drift`` names the committed files that
differ from what the generators produce now. Like :mod:`wipo_bc_standard.schemas`, both read the
committed JSON Schemas, so run the JSON Schema export first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..resources import data_dir
from . import context_gen, shacl_gen, xsd_gen
from .model_map import MODEL_TARGETS, model

#: (folder, file name, generator of its text)
ARTIFACTS: list[tuple[str, str, Callable[[], str]]] = [
    ("schemas", "record.xsd", lambda: xsd_gen.generate("record")),
    *[("schemas", shacl_gen.file_name(t), (lambda t=t: shacl_gen.generate(t))) for t in MODEL_TARGETS],  # type: ignore[misc]
    ("vocab", "context.jsonld", lambda: context_gen.render(context_gen.generate())),
]


def _folder(name: str, schema_dir: Path | None, vocab_dir: Path | None) -> Path:
    chosen = schema_dir if name == "schemas" else vocab_dir
    return chosen or data_dir(name)


def export(schema_dir: Path | None = None, vocab_dir: Path | None = None) -> list[Path]:
    """Write every generated artifact; return the paths written."""
    model.cache_clear()  # the JSON Schemas may just have been exported
    written = []
    for folder, name, generate in ARTIFACTS:
        path = _folder(folder, schema_dir, vocab_dir) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate(), encoding="utf-8", newline="\n")
        written.append(path)
    return written


def drift(schema_dir: Path | None = None, vocab_dir: Path | None = None) -> list[str]:
    """Names (``schemas/record.xsd``...) of committed artifacts that differ from their generators."""
    model.cache_clear()
    stale = []
    for folder, name, generate in ARTIFACTS:
        path = _folder(folder, schema_dir, vocab_dir) / name
        if not path.is_file() or path.read_text(encoding="utf-8") != generate():
            stale.append(f"{folder}/{name}")
    return stale
