"""Decentralised identifiers and verifiable credentials: the W3C data models the records point to."""

#: A departure from a W3C data model (DID document or credential): (JSON Pointer to where, text).
Problem = tuple[str, str]
