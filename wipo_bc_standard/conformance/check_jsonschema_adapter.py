"""A second implementation under the protocol: ``check-jsonschema`` with the published JSON Schemas.

It shows what a schema-only validator covers: a JSON document checked against its target's schema
(``schemas/<target>.schema.json``), nothing else. It cannot name rules (it reports verdicts only),
reads no ledger, no XML, Turtle or JSON-LD, no network profile and no DID document. Run it with::

    wipo-bc conformance run --implementation "python -m wipo_bc_standard.conformance.check_jsonschema_adapter" \\
        --name check-jsonschema --format json -o check-jsonschema.json

It reads the protocol's request on stdin and prints the result on stdout (docs/conformance.md).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson

from ..resources import data_dir
from ..schemas import file_name
from ..targets import SCHEMA_TARGETS


def executable() -> str | None:
    """The check-jsonschema program: beside this Python (a venv), else on PATH."""
    beside = Path(sys.executable).parent / "check-jsonschema"
    return str(beside) if beside.is_file() else shutil.which("check-jsonschema")


def answer(request: dict[str, Any]) -> dict[str, Any]:
    if request.get("ledger") or request["target"] not in SCHEMA_TARGETS:
        return {"unsupported": "a JSON Schema validator checks single JSON documents, not ledgers"}
    source = Path(request["input"])
    if source.suffix.lower() == ".jsonld":
        return {"unsupported": "JSON-LD is read through its @context, which a JSON Schema validator does not apply"}
    if source.suffix.lower() != ".json":
        return {"unsupported": f"a JSON Schema validator reads JSON, not {source.suffix or 'this file'}"}
    program = executable()
    if program is None:
        return {"unsupported": "check-jsonschema is not installed"}
    schema = data_dir("schemas") / file_name(request["target"])
    done = subprocess.run([program, "--schemafile", str(schema), "-o", "json",
                           str(source)], capture_output=True, timeout=120)
    try:
        result = orjson.loads(done.stdout)
    except orjson.JSONDecodeError:
        return {"conformant": False}  # check-jsonschema could not read it: a parse error is not conformant
    return {"conformant": done.returncode == 0 and result.get("status") == "ok"}


def main() -> None:
    request = orjson.loads(sys.stdin.buffer.read())
    sys.stdout.write(orjson.dumps(answer(request)).decode() + "\n")


if __name__ == "__main__":
    main()
