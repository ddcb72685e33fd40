"""Running an implementation over the suite: the protocol (docs/conformance.md).

For each case the runner starts the implementation's command once:

- the command is split like a shell would (no shell is started); ``{input}``, ``{target}``,
  ``{profile}``, ``{network}`` and ``{request}`` in it are replaced by the case's input path, target,
  profile, network profile path (empty when none) and the path of a file holding the request; when
  neither ``{input}`` nor ``{request}`` appears, the input path is appended;
- the request, a JSON object (``id``, ``input``, ``target``, ``profile``, ``network``,
  ``didDocuments``, ``ledger``; paths absolute), is also written to its standard input;
- it prints one JSON object on its standard output: ``{"conformant": bool, "findings": [{"rule",
  "path"}]}``; or only ``{"conformant": bool}`` when it cannot name rules; or ``{"unsupported":
  "why"}`` for a case it does not handle. Its exit code is not read.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import orjson

from .suite import Case, Suite

#: An implementation: a request in, a result out (a protocol result, or ``{"error": why}``).
Implementation = Callable[[Mapping[str, Any]], Mapping[str, Any]]

DEFAULT_TIMEOUT = 60.0
#: Longest implementation output read (a result is a few kB; more is a broken implementation).
MAX_OUTPUT = 16 * 1024 * 1024


def command_implementation(command: str, *, timeout: float = DEFAULT_TIMEOUT,
                           cwd: Path | None = None) -> Implementation:
    """The implementation that runs ``command`` once per case, as the protocol says."""
    template = shlex.split(command)
    if not template:
        raise ValueError("--implementation: an empty command")

    def run(request: Mapping[str, Any]) -> Mapping[str, Any]:
        body = orjson.dumps(request)
        with tempfile.NamedTemporaryFile("wb", suffix=".json", prefix="wipo-bc-case-", delete=False) as handle:
            handle.write(body)
        try:
            values = {"input": request["input"], "target": request["target"], "profile": request["profile"],
                      "network": request.get("network") or "", "request": handle.name}
            argv = [_fill(arg, values) for arg in template]
            if not any("{input}" in arg or "{request}" in arg for arg in template):
                argv.append(request["input"])
            try:
                done = subprocess.run(argv, input=body, capture_output=True, timeout=timeout, cwd=cwd)
            except FileNotFoundError:
                return {"error": f"cannot start {argv[0]!r}: no such program"}
            except subprocess.TimeoutExpired:
                return {"error": f"no result within {timeout:g} s"}
            except OSError as exc:
                return {"error": f"cannot start {argv[0]!r}: {exc.strerror or exc}"}
        finally:
            os.unlink(handle.name)
        return parse_result(done.stdout[:MAX_OUTPUT], done.returncode, done.stderr)

    return run


def _fill(arg: str, values: Mapping[str, str]) -> str:
    for name, value in values.items():
        arg = arg.replace("{" + name + "}", value)
    return arg


def parse_result(stdout: bytes, returncode: int = 0, stderr: bytes = b"") -> Mapping[str, Any]:
    """A protocol result from an implementation's output, or ``{"error": why}``."""
    try:
        result = orjson.loads(stdout)
    except orjson.JSONDecodeError:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        return {"error": f"no JSON result on stdout (exit code {returncode}): {tail[0][:300]}"}
    if not isinstance(result, dict):
        return {"error": "the result is not a JSON object"}
    if "unsupported" in result:
        return {"unsupported": str(result["unsupported"])}
    if not isinstance(result.get("conformant"), bool):
        return {"error": "the result has no boolean 'conformant'"}
    findings = result.get("findings")
    if findings is None:
        return {"conformant": result["conformant"]}
    if not isinstance(findings, list) or not all(
            isinstance(f, dict) and isinstance(f.get("rule"), str) and isinstance(f.get("path", ""), str)
            for f in findings):
        return {"error": "'findings' is not a list of {\"rule\": string, \"path\": string}"}
    return {"conformant": result["conformant"],
            "findings": [{"rule": f["rule"], "path": f.get("path", "")} for f in findings]}


def in_process_reference() -> Implementation:
    """wipo-bc itself, called in this process (the default implementation)."""
    from .reference import answer

    def run(request: Mapping[str, Any]) -> Mapping[str, Any]:
        try:
            return answer(request)
        except Exception as exc:  # a crash on one case is that case's failure, not the run's
            return {"error": f"{type(exc).__name__}: {exc}"}
    return run


def run_suite(suite: Suite, implementation: Implementation, *, jobs: int = 1,
              cases: list[Case] | None = None) -> Iterator[tuple[Case, Mapping[str, Any]]]:
    """Each case with the implementation's result, in suite order."""
    chosen = list(suite.cases if cases is None else cases)
    requests = [case.request(suite.root) for case in chosen]
    if jobs <= 1:
        for case, request in zip(chosen, requests):
            yield case, implementation(request)
        return
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        yield from zip(chosen, pool.map(implementation, requests))
