"""Readers and writers of the record's other forms (XML, JSON-LD, Turtle).

Their readers (:mod:`.xml_form`, :mod:`.rdf_form`) are chosen by file ending from the table
:data:`wipo_bc_standard.sources.READERS`; their generated artifacts (XSD, SHACL shapes, JSON-LD
context) come from :mod:`.artifacts`.
"""
