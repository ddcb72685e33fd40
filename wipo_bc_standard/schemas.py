"""JSON Schema 2020-12 artifacts, generated from the pydantic models and the DID syntax (the sources of truth).

``export`` writes them to ``schemas/``; ``check`` says which committed files differ from what the
models produce now. Validation always uses the committed (bundled) files, which are what other
implementations read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .constants import NAMESPACE, STANDARD_VERSION
from .resources import data_dir

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_id(target: str) -> str:
    return f"{NAMESPACE}schemas/{STANDARD_VERSION}/{target}.schema.json"


#: The targets whose schemas are generated (the credential schema, vc.schema.json, is written by hand).
GENERATED_TARGETS = ("record", "profile", "governance", "did")


def generate(target: str) -> dict[str, Any]:
    """The JSON Schema of a target, as the models define it now."""
    from ._schema_generation import schema_body
    schema: dict[str, Any] = {"$schema": DIALECT, "$id": schema_id(target)}
    schema.update(schema_body(target))
    return schema


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def file_name(target: str) -> str:
    return f"{target}.schema.json"


def export(out_dir: Path | None = None) -> list[Path]:
    """Write every generated schema; return the paths written."""
    out_dir = out_dir or data_dir("schemas")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for target in GENERATED_TARGETS:
        path = out_dir / file_name(target)
        path.write_text(render(generate(target)), encoding="utf-8")
        written.append(path)
    return written


def drift(schema_dir: Path | None = None) -> list[str]:
    """Names of committed schema files that differ from (or are missing against) the models."""
    schema_dir = schema_dir or data_dir("schemas")
    stale = []
    for target in GENERATED_TARGETS:
        path = schema_dir / file_name(target)
        if not path.is_file() or path.read_text(encoding="utf-8") != render(generate(target)):
            stale.append(file_name(target))
    return stale


def load(target: str) -> dict[str, Any]:
    """The bundled (committed) schema of a target."""
    path = data_dir("schemas") / file_name(target)
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
