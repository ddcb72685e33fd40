"""``wipo-bc canonicalize`` and ``wipo-bc hash``: RFC 8785 bytes of a JSON document, and their digest."""

from __future__ import annotations

import sys
from typing import Any

import click

from .. import codelists as cl
from .. import jcs, jsontext, safe_io
from ..limits import LIMITS
from .common import fail, output


def _read_document(path: str) -> Any:
    """The JSON document in ``path`` (``-``: stdin), strictly parsed; a one-line error otherwise."""
    try:
        data = (safe_io.read_bounded(sys.stdin.buffer, LIMITS.item_bytes, "<stdin>") if path == "-"
                else safe_io.read_regular(path, LIMITS.item_bytes))
    except safe_io.NotReadable as exc:
        fail(str(exc))
    except OSError as exc:  # reading standard input
        fail(f"{path}: {safe_io.reason(exc)}")
    doc = jsontext.parse(data)
    if isinstance(doc, jsontext.ParseError):
        fail(f"{path}: {doc.message()}")
    return doc


def _canonical(doc: Any, path: str) -> bytes:
    try:
        return jcs.canonicalize(doc)
    except (jcs.CanonicalizationError, RecursionError) as exc:
        fail(f"{path}: cannot canonicalise (RFC 8785): {exc}")


@click.command("canonicalize")
@click.argument("file", metavar="FILE")
@click.option("-o", "--output", "out_path", metavar="OUT", help="Write the bytes to OUT instead of stdout.")
def canonicalize(file: str, out_path: str | None) -> None:
    """Write the RFC 8785 (JCS) canonical bytes of the JSON document in FILE (- for stdin).

    The output is exact UTF-8 with no trailing newline: hash it, sign it or compare it byte for byte.
    """
    data = _canonical(_read_document(file), file)
    with output(out_path, [file], binary=True) as stream:
        stream.write(data)


@click.command("hash")
@click.argument("file", metavar="FILE")
@click.option("--alg", type=click.Choice(cl.HASH_ALGORITHMS.values), default="sha-256", show_default=True,
              help="Hash algorithm (names of the hash-algorithms code list).")
@click.option("--record", "as_record", is_flag=True,
              help="Leave out the record's ledger and proof members first: the value the next record of "
                   "the same right holds in previousRecordHash.")
def hash_(file: str, alg: str, as_record: bool) -> None:
    """Print the hex digest of the RFC 8785 canonical bytes of the JSON document in FILE (- for stdin)."""
    doc = _read_document(file)
    if as_record:
        if not isinstance(doc, dict):
            fail(f"{file}: --record needs a JSON object (a record)")
        doc = {k: v for k, v in doc.items() if k not in jcs.RECORD_HASH_EXCLUDES}
    try:
        hash_of = jcs.hash_function(alg)
    except jcs.UnsupportedAlgorithm as exc:
        fail(str(exc))
    click.echo(hash_of(_canonical(doc, file)))


hash_.name = "hash"

commands: list[click.Command] = [canonicalize, hash_]
