"""Building blocks shared by the three targets' models.

The pydantic models are the single source of the data model: the JSON Schemas in ``schemas/`` are
generated from them (``wipo-bc schemas export``), and field descriptions are the standard's
definitions, from which the docs' field tables are built.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..codelists import HASH_ALGORITHMS, CodeList


def code_of(codes: CodeList) -> Any:
    """A string type restricted to a code list (rendered as a JSON Schema ``enum``)."""
    return Literal.__getitem__(codes.values)  # type: ignore[attr-defined]


def _title(name: str, _info: Any) -> str:
    """``applicationNumber`` -> ``Application number``: titles for people, derived from names."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name.rstrip("_")).lower()
    return words[:1].upper() + words[1:]


class Model(BaseModel):
    """Base of every model: unknown members are refused, so a misspelt field is a finding."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, field_title_generator=_title)


Hex = Annotated[str, Field(pattern=r"^[0-9a-f]+$", description="Lower-case hexadecimal.")]
St3Code = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="A WIPO ST.3 two-letter code.")]
Uri = Annotated[str, Field(json_schema_extra={"format": "uri"}, min_length=1)]
Did = Annotated[str, Field(pattern=r"^did:[a-z0-9]+:\S+$", description="A W3C decentralized identifier.")]
# A literal type must be spelt out for type checkers; tests/test_architecture.py holds it to STANDARD_VERSION.
Version = Annotated[Literal["0.1"], Field(description="Version of this standard the document follows.")]
NonEmpty = Annotated[str, Field(min_length=1)]


class Digest(Model):
    """A self-describing digest: the algorithm's name and the lower-case hex value."""

    alg: code_of(HASH_ALGORITHMS) = Field(  # type: ignore[valid-type]
        description="Hash algorithm, named as in the IANA Named Information Hash Algorithm Registry.")
    value: Hex = Field(description="The digest in lower-case hexadecimal.")
