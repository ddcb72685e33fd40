"""The model as the other forms see it: the bundled JSON Schemas walked once into typed fields.

Every generator (XSD, SHACL shapes, JSON-LD context) and every converter reads the model from here,
so that the forms cannot disagree on a member's type, its code list or whether it is required.
The source is the committed JSON Schema of each target (itself generated from the pydantic models).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import schemas
from ..codelists import ALL as CODE_LISTS
from ..constants import VOCAB

#: Targets that have a data model, and so an XML and an RDF form.
MODEL_TARGETS = ("record", "profile", "governance")

# RFC 3339 (section 5.6) full-date, time-offset and date-time, as regular expressions (unanchored) that
# the XSD and the SHACL shapes add to xs:date and xs:dateTime, which also allow what RFC 3339 does not.
RFC3339_FULL_DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
RFC3339_TIME_OFFSET = "(Z|[+\\-][0-9]{2}:[0-9]{2})"
RFC3339_DATE_TIME = f"{RFC3339_FULL_DATE}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}(\\.[0-9]+)?{RFC3339_TIME_OFFSET}"


class ModelError(Exception):
    """The JSON Schema uses a construct the other forms cannot express."""


@dataclass(frozen=True, slots=True)
class Scalar:
    """A string, integer, number or boolean value and its constraints."""

    type: str
    enum: tuple[Any, ...] | None = None
    code_list: str | None = None
    pattern: str | None = None
    format: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class Field:
    """One member of an object type; ``kind`` is ``scalar``, ``object`` or ``array``."""

    name: str
    kind: str
    required: bool = False
    scalar: Scalar | None = None
    type_name: str | None = None
    item: Field | None = None
    min_items: int | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class ObjectType:
    name: str
    fields: tuple[Field, ...]
    closed: bool
    description: str = ""
    by_name: dict[str, Field] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Model:
    """The object types of one target; ``root`` names the document's own type."""

    target: str
    root: str
    types: dict[str, ObjectType]


def code_list_of(values: tuple[Any, ...]) -> str | None:
    """Id of the code list whose values are exactly ``values``, if any."""
    for code_list in CODE_LISTS.values():
        if code_list.values == values:
            return code_list.id
    return None


def code_iri(code_list: str, code: str) -> str:
    return f"{VOCAB}{code_list}/{code}"


def _scalar(schema: dict[str, Any]) -> Scalar:
    kind = schema.get("type")
    if kind not in ("string", "integer", "number", "boolean"):
        raise ModelError(f"unsupported schema type {kind!r}")
    enum: tuple[Any, ...] | None = None
    if "const" in schema:
        enum = (schema["const"],)
    elif "enum" in schema:
        enum = tuple(schema["enum"])
    return Scalar(type=kind, enum=enum, code_list=code_list_of(enum) if enum and "enum" in schema else None,
                  pattern=schema.get("pattern"), format=schema.get("format"),
                  min_length=schema.get("minLength"), max_length=schema.get("maxLength"),
                  minimum=schema.get("minimum"), maximum=schema.get("maximum"),
                  description=schema.get("description", ""))


def _field(name: str, schema: dict[str, Any], required: bool) -> Field:
    description = schema.get("description", "")
    if "$ref" in schema:
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            raise ModelError(f"{name}: only local $defs references are supported, not {ref}")
        return Field(name, "object", required, type_name=ref.rsplit("/", 1)[1], description=description)
    if schema.get("type") == "array":
        item = _field(name, schema["items"], True)
        return Field(name, "array", required, item=item, min_items=schema.get("minItems"), description=description)
    return Field(name, "scalar", required, scalar=_scalar(schema), description=description)


def _object_type(name: str, schema: dict[str, Any]) -> ObjectType:
    required = set(schema.get("required", ()))
    fields = tuple(_field(member, sub, member in required) for member, sub in schema.get("properties", {}).items())
    return ObjectType(name, fields, schema.get("additionalProperties") is False, schema.get("description", ""),
                      {f.name: f for f in fields})


@cache
def model(target: str) -> Model:
    """The model of a target, from its bundled JSON Schema."""
    schema = schemas.load(target)
    root = schema["title"]
    types = {name: _object_type(name, sub) for name, sub in schema.get("$defs", {}).items()}
    if root in types:
        raise ModelError(f"{target}: root type {root} also names a $def")
    types = {root: _object_type(root, schema), **types}
    return Model(target, root, types)


def upper_camel(name: str) -> str:
    """The XML element name of a JSON member: ``recordId`` -> ``RecordId``."""
    return name[:1].upper() + name[1:]


def xml_names(object_type: ObjectType) -> dict[str, tuple[str, str | None]]:
    """member -> (element name, item element name for arrays), following WIPO ST.96 naming.

    An array of objects is a ``<Type>Bag`` of ``<Type>`` elements (``PartyBag/Party``); an array of
    values, or a second array of the same type, is a ``<Member>Bag`` of ``Value`` elements.
    """
    names: dict[str, tuple[str, str | None]] = {}
    used: set[str] = set()
    for f in object_type.fields:
        if f.kind == "array":
            assert f.item is not None
            if f.item.kind == "object" and f.item.type_name and f"{f.item.type_name}Bag" not in used:
                names[f.name] = (f"{f.item.type_name}Bag", f.item.type_name)
            else:
                names[f.name] = (f"{upper_camel(f.name)}Bag", "Value")
        else:
            names[f.name] = (upper_camel(f.name), None)
        if names[f.name][0] in used:
            raise ModelError(f"{object_type.name}.{f.name}: XML element name {names[f.name][0]} is taken")
        used.add(names[f.name][0])
    return names
