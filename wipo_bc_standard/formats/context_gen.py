"""The JSON-LD context (``vocab/context.jsonld``), generated from the targets' JSON Schemas.

With it, a JSON document plus ``"@context"`` and ``"@type"`` is JSON-LD: every member ``name`` is
the property ``https://wipo-bc-standard.org/ns#name``; a member whose values come from a code list
takes the code's concept IRI (``@type: @vocab`` with a property-scoped ``@vocab`` of
``https://wipo-bc-standard.org/vocab/<code-list>/``); dates are ``xsd:date`` and ``xsd:dateTime``;
arrays are ``@list``: JSON arrays are ordered and may repeat a value, and a ``@set`` would lose both,
so only ``@list`` gives the JSON document back unchanged.

A member name that means different things in different objects (``role`` of a party and of a node
operator) has one meaning in the top-level context and the other in the scoped context of the
property that holds the object.
"""

from __future__ import annotations

import json
from typing import Any

from ..codelists import ALL as CODE_LISTS
from ..constants import NS, VOCAB, XSD_NS
from .model_map import MODEL_TARGETS, Field, Model, ModelError, model

_Def = dict[str, Any]


def _value_scalar(f: Field) -> Any:
    return f.item.scalar if f.kind == "array" and f.item is not None else f.scalar


def _base_def(f: Field, reserved: set[str]) -> _Def:
    definition: _Def = {"@id": f"wbc:{f.name}"}
    scalar = _value_scalar(f)
    if scalar is not None and scalar.code_list:
        definition["@type"] = "@vocab"
        base = f"{VOCAB}{scalar.code_list}/"
        scoped: _Def = {"@vocab": base}
        # A code spelt like a term would expand to the term's IRI: pin those codes to their concepts.
        for code in CODE_LISTS[scalar.code_list].values:
            if code in reserved:
                scoped[code] = base + code
            if ":" in code:
                raise ModelError(f"code {code!r} of {scalar.code_list} would read as a compact IRI")
        definition["@context"] = scoped
    elif scalar is not None and scalar.format in ("date", "date-time"):
        definition["@type"] = "xsd:date" if scalar.format == "date" else "xsd:dateTime"
    if f.kind == "array":
        definition["@container"] = "@list"
    return definition


class _Builder:
    def __init__(self, models: list[Model]) -> None:
        self.models = models
        self.reserved = {f.name for m in models for t in m.types.values() for f in t.fields}
        self.reserved |= {m.root for m in models} | {"wbc", "xsd"}

    def full_def(self, f: Field, m: Model, active: dict[str, _Def]) -> _Def:
        definition = _base_def(f, self.reserved)
        type_name = f.type_name or (f.item.type_name if f.item is not None else None)
        if type_name is None:
            return definition
        overrides: dict[str, _Def] = {}
        for child in m.types[type_name].fields:
            child_def = self.full_def(child, m, active | overrides)
            if active.get(child.name) != child_def:
                overrides[child.name] = child_def
        if overrides:
            if "@context" in definition:
                raise ModelError(f"{f.name}: a code-list member cannot hold an object")
            definition["@context"] = dict(sorted(overrides.items()))
        return definition

    def terms(self) -> dict[str, _Def]:
        """Top-level term definitions: each name's meaning where it first occurs (roots first)."""
        order = [(m, f) for m in self.models for f in m.types[m.root].fields]
        order += [(m, f) for m in self.models for name, t in m.types.items() if name != m.root for f in t.fields]
        defaults: dict[str, _Def] = {}
        for _ in range(10):  # a fixed point: a definition depends on the defaults of nested names
            settled: dict[str, _Def] = {}
            for m, f in order:
                settled.setdefault(f.name, self.full_def(f, m, defaults))
            if settled == defaults:
                break
            defaults = settled
        else:
            raise ModelError("the context's term definitions do not settle")
        for m in self.models:
            for f in m.types[m.root].fields:
                if self.full_def(f, m, defaults) != defaults[f.name]:
                    raise ModelError(f"{m.root}.{f.name} means something else elsewhere at the top level")
        return dict(sorted(defaults.items()))


def generate() -> dict[str, Any]:
    """The JSON-LD context document, as the JSON Schemas define it now."""
    models = [model(t) for t in MODEL_TARGETS]
    context: dict[str, Any] = {"@version": 1.1, "wbc": NS, "xsd": XSD_NS}
    for m in models:
        context[m.root] = f"wbc:{m.root}"
    context.update(_Builder(models).terms())
    return {"@context": context}


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
