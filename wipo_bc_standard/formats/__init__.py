"""Readers and writers of the record's other forms (XML, JSON-LD, Turtle).

Importing this package registers their readers in :data:`wipo_bc_standard.sources.READERS`.
"""
