"""The standard's code lists: the single source of every enumeration.

The JSON Schemas' ``enum`` keywords, the SKOS concept schemes in ``vocab/`` and the docs' code-list
pages are all generated from these definitions. Each list names the public source it rests on.
"""

from __future__ import annotations

from .code_list import CodeList
from .code_list import codes as _codes
from .st3 import ST3
from .st27 import ST27_CATEGORIES, ST27_KEY_EVENTS

IP_RIGHT_KINDS = CodeList(
    "ip-right-kinds", "Kinds of IP right",
    "The kinds of intellectual property right a record can be about.",
    "WIPO ST.13 (IPR types); WIPO ST.27, ST.61, ST.87 (legal-status standard per kind)",
    _codes(
        ("patent", "Patent", "Exclusive right granted for an invention.", (("legalStatusStandard", "ST.27"),)),
        ("utility-model", "Utility model", "Right for a technical invention, usually with a shorter term and lighter examination than a patent.", (("legalStatusStandard", "ST.27"),)),
        ("supplementary-protection-certificate", "Supplementary protection certificate", "Right extending patent protection for authorised medicinal or plant-protection products.", (("legalStatusStandard", "ST.27"),)),
        ("trademark", "Trade mark", "Sign that distinguishes the goods or services of one undertaking from those of others.", (("legalStatusStandard", "ST.61"),)),
        ("industrial-design", "Industrial design", "Right in the appearance of a product or part of it.", (("legalStatusStandard", "ST.87"),)),
        ("plant-variety", "Plant variety right", "Right of a breeder in a new plant variety."),
        ("geographical-indication", "Geographical indication", "Sign used on products with a specific geographical origin and qualities due to it."),
        ("layout-design", "Layout-design of integrated circuits", "Right in the three-dimensional layout of an integrated circuit."),
        ("copyright", "Copyright", "Right of authors in their literary and artistic works; arises without registration."),
    ),
)

LEGAL_STATUS_STANDARDS = CodeList(
    "legal-status-standards", "Legal-status standards",
    "The WIPO standards whose status event codes express legal-status events.",
    "WIPO ST.27 (patents, 2017, revised 2020), ST.61 (trade marks), ST.87 (industrial designs)",
    _codes(
        ("ST.27", "WIPO ST.27", "Exchange of patent legal status data.", (("eventList", "st27-categories, st27-key-events (the part verified in public text)"),)),
        ("ST.61", "WIPO ST.61", "Exchange of trademark legal status data.", (("eventList", "not verified in public text (codelists/legal_status.toml)"),)),
        ("ST.87", "WIPO ST.87", "Exchange of industrial design legal status data.", (("eventList", "not verified in public text (codelists/legal_status.toml)"),)),
    ),
)

RECORD_TYPES = CodeList(
    "record-types", "Record types",
    "What a ledger record says happened to an IP right.",
    "This standard (reference model; proposal)",
    _codes(
        ("application", "Application", "An application for an IP right was filed."),
        ("registration", "Registration or grant", "The right was registered or granted."),
        ("legal-status-event", "Legal-status event", "A procedural or legal event changed the status of an application or right."),
        ("assignment", "Assignment", "Ownership of the right was transferred."),
        ("licence", "Licence", "Permission to use the right was given without transfer of ownership."),
        ("security-interest", "Security interest", "The right was pledged or used as collateral."),
        ("priority-claim", "Priority claim", "An earlier filing's date is claimed under the Paris Convention."),
        ("renewal", "Renewal", "The term of protection was renewed."),
        ("change-of-particulars", "Change of particulars", "A party's name, address or other particulars changed."),
        ("evidence-of-existence", "Evidence of existence", "An exact digital object is shown to have existed no later than a point in time."),
        ("evidence-of-use", "Evidence of use", "Use of a trade mark in commerce is evidenced."),
        ("document-exchange", "Document exchange", "A document passed between offices or parties."),
        ("correction", "Correction", "An earlier record of the same right is corrected."),
    ),
)

PARTY_ROLES = CodeList(
    "party-roles", "Party roles",
    "The part a party plays in a record.",
    "WIPO ST.96 (party bags); WIPO Blockchain Whitepaper CWS/9/8 (actors of the IP ecosystem)",
    _codes(
        ("applicant", "Applicant", "Person or organisation that files an application."),
        ("right-holder", "Right holder", "Current owner of the right."),
        ("co-owner", "Co-owner", "One of several owners of the right."),
        ("inventor", "Inventor", "Natural person who made the invention."),
        ("creator", "Creator or designer", "Natural person who created the work or design."),
        ("representative", "Representative", "Attorney or agent acting for a party under a mandate."),
        ("assignor", "Assignor", "Party transferring the right."),
        ("assignee", "Assignee", "Party to whom the right is transferred."),
        ("licensor", "Licensor", "Party granting a licence."),
        ("licensee", "Licensee", "Party receiving a licence."),
        ("financier", "Financier", "Party financing against the right, for example a secured creditor."),
        ("collective-management-organisation", "Collective management organisation", "Organisation managing rights on behalf of right holders."),
        ("office", "IP office", "Authority that grants or registers rights and keeps the register."),
        ("enforcement-authority", "Enforcement authority", "Customs, police or court acting on the right."),
    ),
)

HASH_ALGORITHMS = CodeList(
    "hash-algorithms", "Hash algorithms",
    "Cryptographic hash functions, named as in the IANA Named Information Hash Algorithm Registry where listed.",
    "IANA Named Information Hash Algorithm Registry (RFC 6920); FIPS 180-4; FIPS 202; GB/T 32905 (SM3); GOST R 34.11-2012; RFC 6151 and RFC 6194 (MD5 and SHA-1 deprecated)",
    _codes(
        ("sha-256", "SHA-256", "SHA-2 with a 256-bit digest (FIPS 180-4).", (("hexLength", "64"), ("status", "approved"))),
        ("sha-384", "SHA-384", "SHA-2 with a 384-bit digest (FIPS 180-4).", (("hexLength", "96"), ("status", "approved"))),
        ("sha-512", "SHA-512", "SHA-2 with a 512-bit digest (FIPS 180-4).", (("hexLength", "128"), ("status", "approved"))),
        ("sha3-256", "SHA3-256", "SHA-3 with a 256-bit digest (FIPS 202).", (("hexLength", "64"), ("status", "approved"))),
        ("sha3-384", "SHA3-384", "SHA-3 with a 384-bit digest (FIPS 202).", (("hexLength", "96"), ("status", "approved"))),
        ("sha3-512", "SHA3-512", "SHA-3 with a 512-bit digest (FIPS 202).", (("hexLength", "128"), ("status", "approved"))),
        ("blake2b-256", "BLAKE2b-256", "BLAKE2b with a 256-bit digest (RFC 7693).", (("hexLength", "64"), ("status", "approved"))),
        ("sm3", "SM3", "Chinese national hash algorithm, 256-bit digest (GB/T 32905-2016).", (("hexLength", "64"), ("status", "approved"))),
        ("gost-r-34.11-2012-256", "GOST R 34.11-2012 (Streebog-256)", "Russian national hash algorithm, 256-bit digest.", (("hexLength", "64"), ("status", "approved"))),
        ("gost-r-34.11-2012-512", "GOST R 34.11-2012 (Streebog-512)", "Russian national hash algorithm, 512-bit digest.", (("hexLength", "128"), ("status", "approved"))),
        ("sha-1", "SHA-1", "Broken for collision resistance (RFC 6194); forbidden.", (("hexLength", "40"), ("status", "forbidden"))),
        ("md5", "MD5", "Broken for collision resistance (RFC 6151); forbidden.", (("hexLength", "32"), ("status", "forbidden"))),
    ),
)

SIGNATURE_ALGORITHMS = CodeList(
    "signature-algorithms", "Signature algorithms",
    "Digital signature algorithms, named as JOSE algorithm identifiers where one exists.",
    "IANA JOSE registry (RFC 7518, RFC 8037, RFC 8812); GB/T 32918 (SM2); GOST R 34.10-2012",
    _codes(
        ("EdDSA", "EdDSA (Ed25519)", "Edwards-curve signature on Ed25519 (RFC 8032, RFC 8037)."),
        ("ES256", "ECDSA P-256 SHA-256", "ECDSA on NIST P-256 with SHA-256 (RFC 7518)."),
        ("ES384", "ECDSA P-384 SHA-384", "ECDSA on NIST P-384 with SHA-384 (RFC 7518)."),
        ("ES256K", "ECDSA secp256k1 SHA-256", "ECDSA on secp256k1 with SHA-256 (RFC 8812)."),
        ("RS256", "RSASSA-PKCS1-v1_5 SHA-256", "RSA PKCS #1 v1.5 signature with SHA-256 (RFC 7518)."),
        ("PS256", "RSASSA-PSS SHA-256", "RSA-PSS signature with SHA-256 (RFC 7518)."),
        ("SM2", "SM2", "Chinese national elliptic-curve signature (GB/T 32918)."),
        ("GOST-R-34.10-2012", "GOST R 34.10-2012", "Russian national elliptic-curve signature."),
    ),
)

SIGNATURE_ENVELOPES = CodeList(
    "signature-envelopes", "Signature envelopes",
    "How a signature is packaged with the data it signs.",
    "RFC 7515 (JWS); ETSI TS 119 182 (JAdES); ETSI EN 319 132 (XAdES); W3C VC Data Integrity 1.0",
    _codes(
        ("jws", "JSON Web Signature", "RFC 7515 compact or detached JWS."),
        ("jades", "JAdES", "ETSI JSON advanced electronic signature."),
        ("xades", "XAdES", "ETSI XML advanced electronic signature."),
        ("data-integrity", "Data Integrity proof", "W3C Verifiable Credential Data Integrity proof."),
    ),
)

NETWORK_TYPES = CodeList(
    "network-types", "Network types",
    "Who may take part in a network.",
    "ISO 22739 (public, private DLT systems); ISO 23257",
    _codes(
        ("public", "Public", "Open to the public for use."),
        ("private", "Private", "Restricted to one organisation."),
        ("consortium", "Consortium", "Governed jointly by a defined set of organisations."),
        ("hybrid", "Hybrid", "Combines a permissioned network with anchoring on a public one."),
    ),
)

PERMISSIONS = CodeList(
    "permissions", "Permission models",
    "Whether an action on a network needs authorisation.",
    "ISO 22739 (permissioned, permissionless DLT systems)",
    _codes(
        ("permissioned", "Permissioned", "The action needs authorisation."),
        ("permissionless", "Permissionless", "Anyone may take the action."),
    ),
)

CONSENSUS_FAMILIES = CodeList(
    "consensus-families", "Consensus families",
    "Families of consensus mechanisms, by how they reach agreement.",
    "ISO 22739 (consensus mechanism); ISO 23257",
    _codes(
        ("proof-of-work", "Proof of work", "Agreement by computational work.", (("faultModel", "byzantine"),)),
        ("proof-of-stake", "Proof of stake", "Agreement weighted by staked value.", (("faultModel", "byzantine"),)),
        ("proof-of-authority", "Proof of authority", "Agreement among identified, authorised validators.", (("faultModel", "byzantine"),)),
        ("byzantine-fault-tolerant", "Byzantine fault tolerant", "Agreement that survives arbitrary faults of up to f of n >= 3f+1 nodes (PBFT, IBFT 2.0, QBFT).", (("faultModel", "byzantine"),)),
        ("crash-fault-tolerant", "Crash fault tolerant", "Agreement that survives crashes of up to f of n >= 2f+1 nodes (Raft, Kafka ordering).", (("faultModel", "crash"),)),
    ),
)

FAULT_MODELS = CodeList(
    "fault-models", "Fault models",
    "The faults a consensus mechanism tolerates.",
    "Lamport, Shostak, Pease (1982); ISO 23257",
    _codes(
        ("byzantine", "Byzantine", "Faulty nodes may behave arbitrarily; needs n >= 3f+1."),
        ("crash", "Crash", "Faulty nodes only stop; needs n >= 2f+1."),
    ),
)

FINALITY_TYPES = CodeList(
    "finality-types", "Finality types",
    "How a confirmed record becomes irreversible.",
    "ISO 22739:2024 (finality)",
    _codes(
        ("deterministic", "Deterministic", "Final once confirmed."),
        ("probabilistic", "Probabilistic", "Final with growing probability after k confirmations."),
    ),
)

DATA_PLACEMENTS = CodeList(
    "data-placements", "Data placement",
    "Where a network keeps IP data relative to the ledger.",
    "ISO 23257 (on-ledger and off-ledger data); EDPB Guidelines 02/2025",
    _codes(
        ("full-on-chain", "Full on chain", "Whole records are written to the ledger."),
        ("minimal-on-chain", "Minimal on chain", "Only identifiers and non-personal fields are written to the ledger."),
        ("hash-anchored-off-chain", "Hash-anchored off chain", "Records are kept off chain; the ledger holds their digests."),
    ),
)

CANONICALIZATIONS = CodeList(
    "canonicalizations", "Canonicalization schemes",
    "How a document is put in one exact byte form before hashing or signing.",
    "RFC 8785 (JCS); W3C Exclusive XML Canonicalization 1.0",
    _codes(
        ("rfc8785", "JSON Canonicalization Scheme", "RFC 8785 canonical JSON."),
        ("exc-c14n", "Exclusive XML Canonicalization", "W3C Exclusive XML Canonicalization 1.0."),
    ),
)

LEDGER_PLATFORMS = CodeList(
    "ledger-platforms", "Ledger platforms",
    "Ledger software a record can come from.",
    "Platform documentation; WIPO Blockchain Whitepaper CWS/9/8 (live systems)",
    _codes(
        ("multichain", "MultiChain", "MultiChain streams (reported for the EUIPO register)."),
        ("hyperledger-fabric", "Hyperledger Fabric", "Fabric channels and chaincode (IPChain)."),
        ("hyperledger-besu", "Hyperledger Besu", "EVM client for permissioned networks (EBSI)."),
        ("ethereum", "Ethereum", "Public Ethereum mainnet or testnets."),
        ("evm", "Other EVM chain", "Any other chain speaking the Ethereum JSON-RPC API."),
        ("bitcoin", "Bitcoin", "Bitcoin, for anchoring."),
        ("corda", "Corda", "R3 Corda."),
        ("other", "Other", "A platform not listed."),
    ),
)

SMART_CONTRACT_PLATFORMS = CodeList(
    "smart-contract-platforms", "Smart-contract platforms",
    "How a network runs smart contracts.",
    "ISO/TR 23455 (smart contracts)",
    _codes(
        ("none", "None", "The network runs no smart contracts."),
        ("evm-solidity", "EVM (Solidity)", "Contracts compiled to EVM bytecode."),
        ("fabric-chaincode", "Fabric chaincode", "Hyperledger Fabric chaincode."),
        ("other", "Other", "Another contract platform."),
    ),
)

VALUE_CHAIN_PHASES = CodeList(
    "value-chain-phases", "Phases of the IP value chain",
    "The four phases of the lifecycle of intellectual assets.",
    "WIPO Blockchain Whitepaper CWS/9/8",
    _codes(
        ("generation", "Generation", "From an idea with potential IP value to an intangible asset that can be protected."),
        ("protection", "Protection", "Obtaining, maintaining and enforcing legal title."),
        ("management", "Management", "Actions by the holder that develop and raise the value of the portfolio."),
        ("commercialization", "Commercialization", "Generating revenue from the portfolio."),
    ),
)

USE_CASES = CodeList(
    "use-cases", "Use cases",
    "Uses of blockchain in the IP ecosystem: vertical ones (business-process or function oriented) serve one "
    "phase of the value chain, horizontal ones (technology or platform oriented) several.",
    "WIPO Blockchain Whitepaper CWS/9/8; EUIPO roadmap",
    _codes(
        ("ip-register", "IP register on blockchain", "The register of rights is kept on a ledger.", (("kind", "vertical"), ("phases", "protection"))),
        ("evidence-of-creation", "Evidence of generation", "Evidence that a creation existed at a time.", (("kind", "vertical"), ("phases", "generation"))),
        ("track-and-trace", "Track and trace, anti-counterfeiting", "Origin and authenticity of goods, for enforcing the right.", (("kind", "vertical"), ("phases", "protection"))),
        ("evidence-of-use", "Evidence of use", "Evidence that a trade mark is used in commerce.", (("kind", "vertical"), ("phases", "protection"))),
        ("priority-document-exchange", "Priority-document exchange", "Exchange of priority documents between offices.", (("kind", "vertical"), ("phases", "protection"))),
        ("office-data-exchange", "Office-to-office data exchange", "IP data and documents shared between offices.", (("kind", "vertical"), ("phases", "protection"))),
        ("ip-wallet", "IP wallets and tokenised rights", "Rights held and managed as tokens in the holder's portfolio.", (("kind", "vertical"), ("phases", "management"))),
        ("licensing-and-royalties", "Licensing and royalty distribution", "Licences and royalty flows run by smart contracts.", (("kind", "vertical"), ("phases", "commercialization"))),
        ("ip-finance", "IP-backed finance", "Rights used as collateral.", (("kind", "vertical"), ("phases", "commercialization"))),
        ("time-stamping", "Time-stamping", "Trusted time for any event.", (("kind", "horizontal"), ("phases", "generation protection management commercialization"))),
        ("proof-of-existence", "Proof of existence", "Evidence that exact data existed no later than a time.", (("kind", "horizontal"), ("phases", "generation protection management commercialization"))),
        ("smart-contract-transactions", "Transactions via smart contracts", "Transactions on rights executed by smart contracts.", (("kind", "horizontal"), ("phases", "management commercialization"))),
        ("digital-identity", "Common digital identity", "Identifiers for every participant, not controlled by a single entity.", (("kind", "horizontal"), ("phases", "generation protection management commercialization"))),
    ),
)

DLT_ROLES = CodeList(
    "dlt-roles", "DLT roles",
    "Roles in the user view of a DLT system.",
    "ISO 23257:2022, clause 9.2",
    _codes(
        ("dlt-user", "DLT user", "Uses the DLT system's services."),
        ("dlt-administrator", "DLT administrator", "Administers a DLT system."),
        ("dlt-system-operator", "DLT system operator", "Operates the DLT system as a whole."),
        ("dlt-node-operator", "DLT node operator", "Operates one or more nodes."),
        ("dlt-application-operator", "DLT application operator", "Operates applications on the DLT system."),
        ("dlt-developer", "DLT developer", "Develops DLT applications or the system."),
        ("dlt-governor", "DLT governor", "Takes part in the governance of the DLT system."),
        ("dlt-auditor", "DLT auditor", "Audits the DLT system."),
    ),
)

NODE_ROLES = CodeList(
    "node-roles", "Node roles",
    "What a node does in the network.",
    "ISO 22739 (node, validator)",
    _codes(
        ("validator", "Validator", "Validates and confirms blocks."),
        ("observer", "Observer", "Holds a copy of the ledger without validating."),
        ("archive", "Archive", "Keeps the full history for audit and recovery."),
    ),
)

VOTING_RULES = CodeList(
    "voting-rules", "Voting rules",
    "How the governing body decides.",
    "ISO/TS 23635:2022 (decision rights)",
    _codes(
        ("unanimity", "Unanimity", "Every member agrees."),
        ("qualified-majority", "Qualified majority", "A declared supermajority agrees."),
        ("simple-majority", "Simple majority", "More than half agree."),
    ),
)

ERASURE_MECHANISMS = CodeList(
    "erasure-mechanisms", "Erasure mechanisms",
    "How a network honours a right to erasure of personal data.",
    "EDPB Guidelines 02/2025 on processing of personal data through blockchain technologies",
    _codes(
        ("none", "None", "No erasure is possible."),
        ("off-chain-delete", "Off-chain deletion", "Personal data is kept off chain and deleted there."),
        ("key-destruction", "Key destruction", "Encrypted data is made unreadable by destroying its key."),
        ("redactable-pointer", "Redactable pointer", "The ledger holds a pointer that can be redacted."),
    ),
)

DISPUTE_MECHANISMS = CodeList(
    "dispute-mechanisms", "Dispute-resolution mechanisms",
    "How disputes between participants are settled.",
    "WIPO Arbitration and Mediation Center; ISO/TS 23635",
    _codes(
        ("court", "Court", "Litigation before the competent courts."),
        ("arbitration", "Arbitration", "Binding decision of arbitrators."),
        ("mediation", "Mediation", "Facilitated negotiation."),
        ("expert-determination", "Expert determination", "Binding decision of an expert on a technical question."),
    ),
)

KEY_CUSTODY = CodeList(
    "key-custody", "Key custody",
    "Where signing keys are held.",
    "ISO/TS 23635 (security); NIST SP 800-57",
    _codes(
        ("hsm", "Hardware security module", "Keys held in an HSM."),
        ("kms", "Key management service", "Keys held in a managed KMS."),
        ("wallet", "Wallet", "Keys held in software or hardware wallets."),
        ("smart-card", "Smart card", "Keys held on a smart card."),
    ),
)

IP_DATA_STANDARDS = CodeList(
    "ip-data-standards", "WIPO IP data standards",
    "WIPO standards a network uses for IP data.",
    "WIPO Handbook on Industrial Property Information and Documentation, Part 3",
    _codes(
        ("ST.3", "WIPO ST.3", "Two-letter codes of states, offices and organisations."),
        ("ST.13", "WIPO ST.13", "Numbering of applications."),
        ("ST.27", "WIPO ST.27", "Patent legal status data."),
        ("ST.61", "WIPO ST.61", "Trademark legal status data."),
        ("ST.87", "WIPO ST.87", "Industrial design legal status data."),
        ("ST.90", "WIPO ST.90", "Web APIs for IP data."),
        ("ST.96", "WIPO ST.96", "XML resources for IP data."),
        ("ST.97", "WIPO ST.97", "JSON resources for IP data."),
    ),
)

#: Every code list, by id.
ALL: dict[str, CodeList] = {cl.id: cl for cl in (
    IP_RIGHT_KINDS, LEGAL_STATUS_STANDARDS, RECORD_TYPES, PARTY_ROLES, HASH_ALGORITHMS,
    SIGNATURE_ALGORITHMS, SIGNATURE_ENVELOPES, NETWORK_TYPES, PERMISSIONS, CONSENSUS_FAMILIES,
    FAULT_MODELS, FINALITY_TYPES, DATA_PLACEMENTS, CANONICALIZATIONS, LEDGER_PLATFORMS,
    SMART_CONTRACT_PLATFORMS, VALUE_CHAIN_PHASES, USE_CASES, DLT_ROLES, NODE_ROLES, VOTING_RULES,
    ERASURE_MECHANISMS, DISPUTE_MECHANISMS, KEY_CUSTODY, IP_DATA_STANDARDS,
)}

for _listed in (ST3, ST27_CATEGORIES, ST27_KEY_EVENTS):
    ALL[_listed.id] = _listed
