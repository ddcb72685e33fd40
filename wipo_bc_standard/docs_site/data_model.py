"""The data model: a page per conformance target, every field with its type, definition and an example."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wipo_bc_standard import codelists
from wipo_bc_standard.schema_walk import fields as _fields
from wipo_bc_standard.schema_walk import resolve as _resolve

from .markdown import GENERATED, Page, banner, cell, code, table


def data_model_pages(schemas: Path, examples: Path) -> list[Page]:
    """A page per target with a JSON Schema: every field, its type, whether required, definition, example."""
    files = sorted(schemas.glob("*.schema.json"))
    enums = {frozenset(cl.values): cl for cl in codelists.ALL.values()}
    rows = []
    pages = []
    for path in files:
        target = path.name.removesuffix(".schema.json")
        schema = json.loads(path.read_text(encoding="utf-8"))
        samples = _examples(examples / "valid" / target)
        fields = list(_fields(schema, schema, ""))
        body = [(f"`{name}`", _type(node, schema, enums), "yes" if required else "",
                 cell(node.get("description") or _resolve(node, schema).get("description", "")),
                 _examplecell(next((v for doc in samples if (v := _example_value(doc, name)) is not _MISSING),
                                    _MISSING)))
                for name, node, required in fields]
        text = (banner() + f"# {schema.get('title', target)} (`{target}`)\n\n{schema.get('description', '')}\n\n"
                f"JSON Schema: `schemas/{path.name}` (`{schema.get('$id', '')}`). "
                f"Nested fields are written `parent.child`; `[]` marks the items of an array. "
                f"Example values come from `examples/valid/{target}/`.\n\n"
                + table(("Field", "Type", "Required", "Definition", "Example"), body) + "\n")
        pages.append(Page(f"{GENERATED}/data-model/{target}.md", target, text))
        rows.append((f"[`{target}`]({target}.md)", cell(schema.get("description", "")), str(len(fields))))
    index = (banner() + "# Data model\n\n"
             "The fields of every conformance target, rendered from the bundled JSON Schemas (themselves generated "
             "from the pydantic models). Code-list values link to their lists.\n\n"
             + table(("Target", "What it is", "Fields"), rows) + "\n")
    return [Page(f"{GENERATED}/data-model/index.md", "Overview", index), *pages]


_MISSING = object()


def _type(node: Mapping[str, Any], root: Mapping[str, Any], enums: Mapping[frozenset[str], Any]) -> str:
    """The field's type as Markdown for a table cell; code lists link to their pages."""
    target = _resolve(node, root)
    if "$ref" in node:
        return f"object ({cell(node['$ref'].rsplit('/', 1)[-1])})"
    kind = target.get("type", "")
    if kind == "array":
        return f"array of {_type(target.get('items', {}), root, enums)}"
    if "enum" in target:
        cl = enums.get(frozenset(target["enum"]))
        return (f"code from [{cl.id}](../codelists/{cl.id}.md)" if cl
                else "one of " + ", ".join(code(v) for v in target["enum"]))
    if "const" in target:
        return f"{cell(kind)} = {code(target['const'])}"
    if isinstance(kind, list):
        kind = " or ".join(kind)
    if "anyOf" in target:
        return " or ".join(_type(n, root, enums) for n in target["anyOf"])
    if "format" in target:
        return f"{cell(kind)} ({cell(target['format'])})"
    if "pattern" in target:
        return f"{cell(kind)} matching {code(target['pattern'])}"
    return cell(kind)


def _examplecell(value: Any) -> str:
    """Scalars and lists of scalars; objects are shown field by field in their own rows."""
    if value is _MISSING or isinstance(value, dict):
        return ""
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return ""
    return code(value)


def _examples(folder: Path) -> list[Any]:
    """The valid examples of a target, in name order: each field's example is the first one found."""
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return found


def _example_value(doc: Any, dotted: str) -> Any:
    """The value at a dotted field name (``[]`` takes the first item) or :data:`_MISSING`."""
    value = doc
    for part in dotted.split("."):
        is_array = part.endswith("[]")
        key = part.removesuffix("[]")
        if not isinstance(value, dict) or key not in value:
            return _MISSING
        value = value[key]
        if is_array:
            if not isinstance(value, list) or not value:
                return _MISSING
            value = value[0]
    return value
