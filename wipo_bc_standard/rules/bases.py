"""The basis of every rule of the catalogue: a seed paragraph, a public standard's clause, or a proposal.

A rule is MUST only when its basis makes the requirement mandatory: a seed paragraph, or a public
standard (or legal text) that requires it, or that defines a value the document states falsely (a digest,
a signature, a code). What this project proposes of its own is at most SHOULD; so are network-profile
choices, which seed paragraph 10 says it is too early to prescribe in detail. ``tests/test_rule_basis.py``
holds the catalogue to this.
"""

from __future__ import annotations

from ..basis import Basis, proposal, seed, standard

_PARA_10 = ("SHOULD, not MUST: seed para. 10 finds detailed recommendations on system configurations "
            "premature")
_DECLARED = "the network profile is this project's proposal; a network's own declarations are checked as SHOULD"
_ENVELOPE = "this standard (proposal): the ledger envelope of the record schema"

BASES: dict[str, Basis] = {
    # --- ledger readers: anchors, documents, encodings ------------------------------------------------
    "ANC-01": standard("RFC 8785 (the canonical form hashed); FIPS 180-4 and FIPS 202 (the digest)",
                       "an anchor stating another digest than the record's is false"),
    "ANC-02": proposal("docs/encodings.md, anchored encoding",
                       "an anchor proves something only with its record; a missing record cannot be checked"),
    "ANC-03": proposal("docs/encodings.md, anchored encoding",
                       "a record kept off chain is evidenced only by its anchor"),
    "DOC-01": standard("RFC 6920 (hash algorithm names); FIPS 180-4 (the digest)",
                       "a document digest that is not the digest of the bytes supplied is false"),
    "ENC-01": proposal("docs/encodings.md, inline encoding",
                       "the reader fills the ledger position; a payload's own claim can only disagree with it"),
    # --- records: identifiers, dates, text -----------------------------------------------------------
    "HASH-01": standard("RFC 6151, 2 (MD5 not acceptable where collision resistance is required); "
                        "NIST SP 800-131A Rev. 2, 9 (SHA-1 disallowed for digital signatures)"),
    "HASH-05": standard("FIPS 180-4, 1 and FIPS 202, 6 (digest sizes)",
                        "a digest of another length cannot have been made by the algorithm it names"),
    "DT-03": standard("Paris Convention, Art. 4A(1) and 4C(2) (priority from an earlier first filing)",
                      "dates out of this order cannot all be true"),
    "ID-01": standard("WIPO ST.3 (two-letter codes of states and organisations)"),
    "ID-06": standard("WIPO ST.3 (former codes); ISO 3166-3"),
    "ID-09": standard("WIPO ST.3 (code XX)"),
    "ID-08": standard("WIPO ST.3; EPC; EU trade mark and design regulations; Harare and Banjul Protocols; "
                      "Eurasian Patent Convention; PCT, Madrid, Hague and Lisbon systems"),
    "ID-03": standard("WIPO ST.16 (kind codes); WIPO ST.1 (minimum data elements identifying a document)"),
    "ID-05": proposal("parties are referenced by a DID or the office's party identifier (record schema, parties)",
                      "names are neither unique nor stable; W3C DID Core and ISO/TS 23635 advise identifiers "
                      "but do not forbid names"),
    "ID-07": standard("WIPO ST.13 (application numbers); W3C DID Core 1.0, 3.1 (DID syntax has no blanks)"),
    "REC-05": standard("RFC 9562 (UUID format, written in lower case; the urn:uuid namespace)"),
    "DT-01": standard("WIPO ST.2 (calendar dates); RFC 3339 (the record's own time)",
                      "a record cannot state as past an event dated after it was written"),
    "DT-02": proposal("system timestamps state their offset to local time",
                      "RFC 3339, 4.3 allows -00:00 (UTC known, local offset unknown); the office's local date "
                      "of an event cannot then be derived"),
    "DT-06": proposal("timestamps in UTC, written with Z",
                      "RFC 3339, 5.6 allows any offset; one form compares and sorts as text"),
    "DT-04": standard("Paris Convention, Art. 4C(1) (priority periods)"),
    "DT-07": proposal("legal dates (filing, registration, priority, event) are not later than the day of the check",
                      "no standard forbids a future date; one is almost always a typing error (2099 for 2019)"),
    "REC-04": standard("W3C Character Model: String Matching (content SHOULD be in NFC); Unicode Standard Annex #15",
                       "SHOULD, as the W3C recommends it; RFC 8785 hashes the bytes as they are"),
    "REC-06": proposal("this standard, record types (what each type carries)",
                       "WIPO ST.96 groups bibliographic and recordal data the same way"),
    # --- legal status -------------------------------------------------------------------------------
    "LS-01": standard("WIPO ST.27, ST.61, ST.87 (scope of each standard)"),
    "LS-02": standard("WIPO ST.27, ST.61, ST.87 (national or regional event code; mapping tables)"),
    "LS-04": standard("WIPO ST.27 (key event and detailed event codes)"),
    "LS-05": standard("WIPO ST.27, ST.61, ST.87 (scope of each standard)"),
    "LS-06": proposal("network profile legalStatusStandards", _DECLARED),
    "LS-07": standard("WIPO ST.27 (December 2020), Annex I (event categories)"),
    "LS-08": standard("WIPO ST.27 (December 2020), Annex IV (the office's mapping table); ST.61 and ST.87 likewise",
                      "a code outside the table cannot be checked, which is not proof of an error"),
    "LS-09": standard("WIPO ST.27 (December 2020), Annex IV (the office's mapping table); ST.61 and ST.87 likewise",
                      "the record contradicts the mapping its own office publishes"),
    "LS-10": standard("WIPO ST.27 (December 2020): a detailed event refines one key event; Annex IV (mapping table)"),
    "LS-13": standard("WIPO ST.27 (key event and detailed event codes)",
                      "as LS-04, in the office's mapping table"),
    "LS-12": standard("WIPO ST.27 (December 2020), Annex I (event categories) and Annex IV (mapping table)"),
    "LS-11": standard("WIPO ST.27 (December 2020), Annex IV (model template for the mapping table)",
                      "a national event mapped to two standard events has no single meaning"),
    # --- ledgers ------------------------------------------------------------------------------------
    "CH-00": proposal(_ENVELOPE + " (previousRecordHash)",
                      "a link to a record the ledger does not hold cannot be verified, though a partial export "
                      "may legitimately lack it"),
    "CH-01": standard("RFC 8785 (the canonical form hashed); FIPS 180-4 and FIPS 202 (the digest)",
                      "a previousRecordHash that is not the hash of the previous record is false"),
    "CH-02": proposal(_ENVELOPE + " (previousRecordHash)",
                      "a right's history is a single line; ISO 22739 defines forks but does not forbid them"),
    "CH-04": proposal(_ENVELOPE + " (ledger)", "a record's ledger position lets readers order and cite it"),
    "ID-04": proposal(_ENVELOPE + " (recordId, never reused)",
                      "records are referred to by recordId; RFC 9562 makes a UUID unique but recordId need not "
                      "be one"),
    "DT-05": proposal(_ENVELOPE + " (ledger.blockNumber, ledger.timestamp)",
                      "a ledger export lists records in ledger order"),
    # --- identity -----------------------------------------------------------------------------------
    "DID-01": standard("W3C DID Core 1.0, 3.1 DID Syntax and 3.2 DID URL Syntax"),
    "DID-02": standard("W3C DID Core 1.0, 5.3.2 Assertion; W3C VC Data Integrity 1.0 (proof purposes)"),
    "DID-03": standard("W3C DID Core 1.0, 10.1 Keep Personal Data Private"),
    "DID-04": standard("W3C DID Core 1.0, 5 Core Properties"),
    "DID-05": standard("W3C DID Core 1.0, 5.2.1 (a publicKeyJwk MUST NOT contain private key information)"),
    "DID-06": proposal("network profile identity.didMethods", _DECLARED),
    "VC-01": standard("W3C VC Data Model 1.1 and 2.0, 4 Basic Concepts"),
    "VC-02": standard("W3C VC Data Model 2.0, 4.9 Validity Period (validUntil MUST NOT precede validFrom)"),
    "SIG-01": standard("RFC 7515, 5.2 (JWS validation); RFC 8037; RFC 7518, 3.4; RFC 8785"),
    "SIG-02": standard("W3C DID Core 1.0, 7.1 DID Resolution", "a key that cannot be resolved is not verified, "
                       "not proven wrong"),
    "SIG-03": standard("W3C DID Core 1.0, 5.1.2 DID Controller and 5.3.2 Assertion"),
    "SIG-04": standard("W3C VC Data Integrity 1.0, 2.1 Proofs (proofPurpose, created)"),
    "SIG-05": proposal("network profile signatureAlgorithms", _DECLARED),
    "SIG-06": standard("W3C VC Data Integrity 1.0, 4.4 Verify Proof and 4.5 Verify Proof Sets and Chains; "
                       "the EdDSA and ECDSA Cryptosuites v1.0"),
    "SIG-07": standard("W3C VC Data Integrity 1.0, 4.4 Verify Proof; W3C DID Core 1.0, 7.1 DID Resolution",
                       "a proof that cannot be verified here is not evidence, nor proven wrong"),
    # --- personal data ------------------------------------------------------------------------------
    "PD-01": standard("GDPR Art. 5(1)(c), Art. 17 and Art. 25, as EDPB Guidelines 02/2025 apply them to "
                      "blockchains"),
    "PD-02": standard("GDPR Art. 5(1)(c) (data minimisation) and Art. 5(2) (accountability)",
                      "the network itself declared that it needs no personal data on chain"),
    "PD-03": standard("GDPR Art. 17 (right to erasure)"),
    "PD-04": standard("GDPR Art. 35 (data protection impact assessment)"),
    "PD-05": standard("GDPR Art. 5(1)(c) and Art. 25, as EDPB Guidelines 02/2025 apply them to blockchains"),
    "PD-06": standard("GDPR Art. 6 (lawfulness) and Art. 26 (joint controllers)"),
    # --- governance ---------------------------------------------------------------------------------
    "GOV-02": proposal("the governance declaration's validators match the network profile",
                       "ISO/TS 23635 asks for accountability, not for this cross-check; " + _DECLARED),
    "GOV-04": proposal("a dispute clause names its forum and institution",
                       "ISO/TS 23635 (accountability) and the WIPO Arbitration and Mediation Rules show what a "
                       "party needs to act; neither requires it of a network"),
    "GOV-05": seed("6, 11", "the draft standard guides the areas that keep a system sustainable"),
    "GOV-06": proposal("each node operator is declared once",
                       "ISO/TS 23635 (identifiers of the entities involved); the same DID twice makes counts "
                       "ambiguous"),
    "GOV-07": proposal("a permissioned network declares who validates",
                       "ISO 22739 (validator) and ISO/TS 23635 (accountability) inform it; neither requires it"),
    "GOV-08": standard("ISO/TR 23455 (smart contract lifecycle)"),
    "GOV-09": standard("ISO/TS 23635 (risk-based decisions); ISO 22739 (fork)"),
    "GOV-11": proposal("the declared node count covers the node operators",
                       "ISO/TS 23635 (transparency); one of the two declared figures is wrong"),
    "GOV-12": standard("NIST SP 800-131A Rev. 2 (algorithm transitions); ISO/TS 23635 (security)"),
    "GOV-13": proposal("the governance declaration names the network it governs", _DECLARED),
    # --- network profiles (high-level configuration) ------------------------------------------------
    "CFG-01": proposal("a network that keeps data off chain names its store",
                       "ISO 23257 (on-ledger and off-ledger data); " + _PARA_10),
    "CFG-02": proposal("n >= 3f+1 nodes for f Byzantine faults, n >= 2f+1 for f crash faults",
                       "Lamport, Shostak and Pease (1982); Castro and Liskov (1999); Ongaro and Ousterhout (2014); "
                       + _PARA_10),
    "CFG-03": proposal("probabilistic finality declares its confirmation depth",
                       "ISO 22739:2024 (finality); Nakamoto (2008), section 11; " + _PARA_10),
    "CFG-04": proposal("a crash-fault-tolerant consensus declares a crash fault model",
                       "ISO 23257 (consensus); Ongaro and Ousterhout (2014); " + _PARA_10),
    "CFG-05": proposal("permissionless validation uses Sybil-resistant consensus",
                       "ISO 22739 (permissionless DLT system); Douceur (2002); " + _PARA_10),
    "CFG-06": standard("ISO 22739 (private DLT system, permissioned DLT system)", _PARA_10),
    "CFG-07": standard("Unicode Standard Annex #15 (NFC); W3C Character Model: String Matching; RFC 8785 (UTF-8)"),
    "CFG-08": proposal("the profile declares the clock skew it tolerates",
                       "RFC 5905 (NTP) bounds clock offsets; ledger order checks (DT-05) need the figure"),
    "CFG-11": proposal("a network's application-number patterns are usable without backtracking",
                       "patterns applied to others' records must run in linear time (RE2 syntax)"),
    "CFG-09": standard("W3C DID Core 1.0, 3.1 (method-name: lower-case letters and digits)"),
    "CFG-10": proposal("the profile lists the versions of this standard it accepts",
                       "ISO 23257 (interoperability); lets two networks tell whether they can exchange records"),
    # --- network rules (documents checked against their network) ------------------------------------
    "HASH-02": proposal("network profile hashAlgorithms", _DECLARED),
    "HASH-06": standard("RFC 6151, 2; NIST SP 800-131A Rev. 2, 9 (MD5 and SHA-1)"),
    "ID-02": proposal("network profile applicationNumberPatterns",
                      "WIPO ST.13 lets each office keep its own form; " + _DECLARED),
    "REC-08": proposal("network profile platform", _DECLARED),
    "REC-09": proposal("network profile recordTypes", _DECLARED),
}
