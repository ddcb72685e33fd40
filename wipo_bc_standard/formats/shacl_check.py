"""SHACL validation of RDF inputs with pySHACL, offline (no inference, no ``owl:imports``).

Each validation result becomes a finding ``shacl.<component>`` (``shacl.minCount``,
``shacl.in``, ``shacl.closed``...) with the JSON Pointer of the member it is about; the details
pySHACL gives for ``sh:node`` become child findings.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from rdflib import RDF, BNode, Graph, Namespace, URIRef

from ..constants import NS
from ..findings import Finding, Level
from ..limits import LIMITS, LIMITS_CLAUSE
from ..resources import data_dir
from .shacl_gen import file_name

if TYPE_CHECKING:
    from .rdf_form import Root

SH = Namespace("http://www.w3.org/ns/shacl#")
_LEVELS = {SH.Violation: Level.ERROR, SH.Warning: Level.WARNING, SH.Info: Level.INFO}


@cache
def shapes(target: str) -> Graph | None:
    """The bundled shapes of a target, parsed once per process. Held in rdflib's context-free store:
    pySHACL reads the shapes constantly while validating and never asks for a named graph, and the
    default store's context bookkeeping on every lookup cost a sixth of the SHACL time."""
    path = data_dir("schemas") / file_name(target)
    return Graph(store="SimpleMemory").parse(path, format="turtle") if path.is_file() else None


@cache
def _harvested(target: str) -> Any:
    """pySHACL's shapes of a target (its ``ShapesGraph``, whose shape objects are built on first use),
    kept for the process: building them again for every graph was a third of the SHACL time."""
    from pyshacl import ShapesGraph

    return ShapesGraph(shapes(target))


def _validate(graph: Graph, target: str) -> tuple[bool, Graph]:
    """``pyshacl.validate(graph, shacl_graph=shapes(target), inference="none", advanced=False,
    allow_warnings=True)`` without owl:imports, reusing the harvested shapes: the validator is the
    one ``pyshacl.validate`` builds, given the shapes it would build again (tests compare the two)."""
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph

    # The validator wraps the graph it is given in shapes of its own (adding pySHACL's system triples
    # to it): it is given an empty one, so the shared shapes graph is only ever read, by any thread
    validator = Validator(DataGraph.from_rdflib(graph), shacl_graph=Graph(store="SimpleMemory"),
                          options={"inference": "none", "advanced": False, "allow_warnings": True})
    validator.shacl_graph = _harvested(target)
    conforms, results, _ = validator.run()
    return conforms, results


def _component(results: Graph, result: Any) -> str:
    component = str(results.value(result, SH.sourceConstraintComponent) or "")
    name = component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return name[:1].lower() + name[1:] if name else "violation"


def _member(results: Graph, path: Any) -> str | None:
    """The member a result path names: ``wbc:x`` or the list path ``( wbc:x ... )``."""
    if isinstance(path, BNode) and (path, RDF.first, None) in results:
        path = results.value(path, RDF.first)
    if isinstance(path, URIRef) and str(path).startswith(NS):
        return str(path)[len(NS):]
    return None


def _finding(results: Graph, result: Any, pointers: dict[Any, str], target: str) -> Finding:
    component = _component(results, result)
    focus = results.value(result, SH.focusNode)
    value = results.value(result, SH.value)
    member = _member(results, results.value(result, SH.resultPath))
    base = pointers.get(focus, "")
    if isinstance(value, BNode) and value in pointers:
        path = pointers[value]
    else:
        path = f"{base}/{member}" if member else base
    message = str(results.value(result, SH.resultMessage) or component)
    if component == "closed":
        message = f"property {value if member is None else member!s} is not part of the model"
        if member is None:
            predicate = results.value(result, SH.resultPath)
            message = f"property <{predicate}> is not part of the model"
    elif component == "in" and isinstance(value, BNode):  # its label is made up by the parser, anew each run
        message = f"a blank node is not one of the values allowed for {member or 'it'}"
    elif component == "in":
        shown = str(value).rsplit("/", 1)[-1] if isinstance(value, URIRef) else repr(str(value))
        message = f"value {shown} ({value}) is not one of the values allowed for {member or 'it'}"
    elif component == "minCount":
        message = f"required member {member!r} is missing"
    elif component == "maxCount":
        message = f"member {member!r} has more than one value"
    children = tuple(_finding(results, detail, pointers, target) for detail in results.objects(result, SH.detail))
    level = _LEVELS.get(results.value(result, SH.resultSeverity), Level.ERROR)
    return Finding(rule=f"shacl.{component}", level=level, message=message, path=path,
                   clause=f"schemas/{file_name(target)}; SHACL {component}", children=children,
                   params=(("detail", message),))


def _flat(finding: Finding) -> list[Finding]:
    """A nested shape's failure is reported as what failed inside it, where it failed, rather than
    as "does not conform to shape X" on the parent."""
    if finding.rule == "shacl.node" and finding.children:
        return [f for child in finding.children for f in _flat(child)]
    return [finding]


def shacl_findings(graph: Graph, roots: list[Root]) -> list[list[Finding]]:
    """Findings per root of a graph (same order as ``roots``), one pySHACL run per target present."""
    per_root: list[list[Finding]] = [[] for _ in roots]
    owner = {node: i for i, root in enumerate(roots) for node in root.pointers}
    pointers = {node: p for root in roots for node, p in root.pointers.items()}
    for target in sorted({r.target for r in roots if r.target}):
        if shapes(target) is None:
            continue
        try:
            conforms, results = _validate(graph, target)
        except RecursionError:  # pySHACL walks nested blank nodes recursively
            message = f"blank nodes nested too deep for SHACL validation (limit depth: {LIMITS.depth})"
            per_root[0].append(Finding(rule="limit.rdf", level=Level.ERROR, message=message,
                                       clause=LIMITS_CLAUSE, params=(("detail", message),)))
            continue
        if conforms:
            continue
        found = [(str(results.value(result, SH.resultPath)), _flat(_finding(results, result, pointers, target)),
                  owner.get(results.value(result, SH.focusNode), 0)) for result in set(results.objects(None, SH.result))]
        # by result path, then by what is found: pySHACL's results are blank nodes in no stable order
        found.sort(key=lambda entry: (entry[0], [(f.path, f.rule, f.message) for f in entry[1]]))
        for _, findings, index in found:
            per_root[index].extend(findings)
    return per_root
