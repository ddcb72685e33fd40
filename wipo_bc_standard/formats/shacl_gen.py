"""SHACL shapes of the RDF form (``schemas/<target>.shacl.ttl``), generated from the JSON Schemas.

One ``sh:NodeShape`` per object type (closed, as the JSON Schema's ``additionalProperties: false``;
the root one targets the target's class), one ``sh:PropertyShape`` per member: ``sh:path``, the
datatype, ``sh:minCount 1`` when required and ``sh:maxCount 1``, ``sh:in`` with the code-list
concept IRIs for enumerations, ``sh:pattern``, lengths and bounds. An array is an ``rdf:List``
(see :mod:`.context_gen`): one shape constrains the list, another its members through the path
``( wbc:x [ sh:zeroOrMorePath rdf:rest ] rdf:first )``. Shapes and property shapes have IRIs, so
the text is deterministic. The JSON Schema's conditional rules (``if``/``then``) are left to the
JSON checks, which run on every converted document.
"""

from __future__ import annotations

import json

from ..constants import NS, XSD_NS
from .model_map import RFC3339_FULL_DATE, RFC3339_TIME_OFFSET, Field, Model, ObjectType, Scalar, code_iri, model

SHAPES_BASE = "https://wipo-bc-standard.org/shapes/0.1/"
_DATE_PATTERN = f"^{RFC3339_FULL_DATE}$"
# xsd:dateTime already checks the rest of the lexical form; RFC 3339 also requires the offset.
_DATE_TIME_PATTERN = f"{RFC3339_TIME_OFFSET}$"


def file_name(target: str) -> str:
    return f"{target}.shacl.ttl"


def _lit(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f'"{value!r}"^^xsd:double'
    return json.dumps(str(value), ensure_ascii=False)  # JSON string escapes are valid Turtle escapes


def _value_constraints(scalar: Scalar) -> list[str]:
    lines: list[str] = []
    if scalar.code_list and scalar.enum:
        lines.append("sh:nodeKind sh:IRI")
        lines.append("sh:in ( " + " ".join(f"<{code_iri(scalar.code_list, str(v))}>" for v in scalar.enum) + " )")
        return lines
    if scalar.type == "string":
        datatype = {"date": "xsd:date", "date-time": "xsd:dateTime"}.get(scalar.format or "", "xsd:string")
        lines.append(f"sh:datatype {datatype}")
        if scalar.format == "date":
            lines.append(f"sh:pattern {_lit(_DATE_PATTERN)}")
        elif scalar.format == "date-time":
            lines.append(f"sh:pattern {_lit(_DATE_TIME_PATTERN)}")
    elif scalar.type == "integer":
        lines.append("sh:datatype xsd:integer")
    elif scalar.type == "number":
        lines.append("sh:or ( [ sh:datatype xsd:integer ] [ sh:datatype xsd:double ] [ sh:datatype xsd:decimal ] )")
    else:
        lines.append("sh:datatype xsd:boolean")
    if scalar.enum:
        lines.append("sh:in ( " + " ".join(_lit(v) for v in scalar.enum) + " )")
    if scalar.pattern:
        lines.append(f"sh:pattern {_lit(scalar.pattern)}")
    for keyword, value in (("sh:minLength", scalar.min_length), ("sh:maxLength", scalar.max_length),
                           ("sh:minInclusive", scalar.minimum), ("sh:maxInclusive", scalar.maximum)):
        if value is not None:
            lines.append(f"{keyword} {_lit(value)}")
    return lines


def _item_constraints(f: Field) -> list[str]:
    if f.kind == "object":
        return ["sh:nodeKind sh:BlankNodeOrIRI", f"sh:node shape:{f.type_name}"]
    if f.kind == "scalar":
        assert f.scalar is not None
        return _value_constraints(f.scalar)
    raise ValueError(f"{f.name}: arrays of arrays have no RDF form here")


def _block(subject: str, lines: list[str]) -> str:
    return subject + "\n    " + " ;\n    ".join(lines) + " .\n"


def _property_shapes(object_type: ObjectType, f: Field) -> tuple[list[str], list[str]]:
    """(names of the property shapes, their Turtle blocks) for one member."""
    name = f"shape:{object_type.name}-{f.name}"
    head = ["a sh:PropertyShape", f"sh:path wbc:{f.name}", f"sh:name {_lit(f.name)}"]
    if f.description:
        head.append(f"sh:description {_lit(f.description)}")
    if f.required:
        head.append("sh:minCount 1")
    head.append("sh:maxCount 1")
    if f.kind != "array":
        return [name], [_block(name, head + _item_constraints(f))]
    assert f.item is not None
    head.append("sh:or ( [ sh:hasValue rdf:nil ] [ sh:property [ sh:path rdf:first ; sh:minCount 1 ] ] )")
    if f.min_items:
        head.append("sh:not [ sh:hasValue rdf:nil ]")
    items_name = f"{name}-item"
    items = ["a sh:PropertyShape", f"sh:path ( wbc:{f.name} [ sh:zeroOrMorePath rdf:rest ] rdf:first )",
             f"sh:name {_lit(f.name + ' (members)')}"] + _item_constraints(f.item)
    return [name, items_name], [_block(name, head), _block(items_name, items)]


def _node_shape(m: Model, object_type: ObjectType) -> str:
    names: list[str] = []
    blocks: list[str] = []
    for f in object_type.fields:
        shape_names, shape_blocks = _property_shapes(object_type, f)
        names += shape_names
        blocks += shape_blocks
    lines = ["a sh:NodeShape", f"sh:name {_lit(object_type.name)}"]
    if object_type.description:
        lines.append(f"sh:description {_lit(object_type.description)}")
    if object_type.name == m.root:
        lines.append(f"sh:targetClass wbc:{m.root}")
    if object_type.closed:
        lines += ["sh:closed true", "sh:ignoredProperties ( rdf:type )"]
    lines.append("sh:property " + ",\n        ".join(names))
    return "\n".join([_block(f"shape:{object_type.name}", lines), *blocks])


def generate(target: str) -> str:
    """The SHACL shapes (Turtle) of a target's RDF form."""
    m = model(target)
    header = (f"# SHACL shapes of the RDF form of a {target}.\n"
              f"# Generated from schemas/{target}.schema.json by wipo_bc_standard.formats.shacl_gen;\n"
              "# do not edit: run `wipo-bc schemas export`.\n\n"
              "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
              "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
              f"@prefix xsd: <{XSD_NS}> .\n"
              f"@prefix wbc: <{NS}> .\n"
              f"@prefix shape: <{SHAPES_BASE}{target}#> .\n")
    return header + "".join("\n" + _node_shape(m, t) for t in m.types.values())
