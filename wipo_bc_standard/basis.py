"""Where a requirement or a term comes from: a paragraph of the seed, a public standard, or this project.

The seed is the document the standard grows from: the report of the CWS Blockchain Task Force (Task
No. 59) to the ninth session of the Committee on WIPO Standards (2021). A rule is MUST only when a seed
paragraph or a public standard makes it mandatory; what this project proposes of its own is labelled
``proposal`` and is at most SHOULD.

>>> seed("10").text()
'seed: CWS Blockchain Task Force report to CWS/9 (Task No. 59), para. 10'
>>> parse("seed 4").kind
'seed'
>>> parse("this project").kind
'proposal'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The seed document, as a reader finds it among WIPO's CWS/9 documents.
SEED_DOCUMENT = "CWS Blockchain Task Force report to CWS/9 (Task No. 59)"
#: The kinds of basis, strongest first.
KINDS = ("seed", "standard", "proposal")
#: What a basis of each kind is, for help texts and the site.
KIND_MEANINGS = {
    "seed": f"a paragraph of the seed ({SEED_DOCUMENT})",
    "standard": "a clause of a public standard, specification, legal text or WIPO document",
    "proposal": "this project's own proposal, with its rationale (at most SHOULD)",
}
#: How a TOML source names this project.
THIS_PROJECT = "this project"

_SEED_REF = re.compile(r"seed\s+(?:para(?:graph)?s?\.?\s*)?(?P<paras>[0-9][0-9 ,\-]*)\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Basis:
    """One basis: its kind, what it cites, and (for a proposal, or a level below the source's) why."""

    kind: str
    reference: str
    rationale: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of basis {self.kind!r}; expected one of {', '.join(KINDS)}")

    def text(self) -> str:
        """``kind: reference`` and, where given, ``(rationale)``: one line for lists and reports."""
        line = f"{self.kind}: {self.reference}" if self.reference else self.kind
        return f"{line} ({self.rationale})" if self.rationale else line

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "reference": self.reference, "rationale": self.rationale}


def seed(paragraphs: str, rationale: str = "") -> Basis:
    """A basis in one or more paragraphs of the seed (``"10"``, ``"3, 9"``)."""
    return Basis("seed", f"{SEED_DOCUMENT}, para. {paragraphs}", rationale)


def standard(clause: str, rationale: str = "") -> Basis:
    """A basis in a public standard's clause (or a public legal text's article, or a public WIPO document)."""
    return Basis("standard", clause, rationale)


def proposal(what: str, rationale: str) -> Basis:
    """This project's proposal: what it proposes, and why."""
    if not rationale:
        raise ValueError("a proposal states its rationale")
    return Basis("proposal", what, rationale)


def parse(text: str) -> Basis:
    """A basis written in a data file: ``seed 4`` / ``seed 3, 9``, ``this project``, or a standard's clause."""
    text = " ".join(text.split())
    if match := _SEED_REF.match(text):
        return seed(match["paras"].strip(" ,"))
    if text.casefold().startswith(THIS_PROJECT):  # "this project" or "this project (what it adds)"
        return Basis("proposal", THIS_PROJECT, text[len(THIS_PROJECT):].strip(" ,;()"))
    if not text:
        raise ValueError("an empty basis")
    return standard(text)
