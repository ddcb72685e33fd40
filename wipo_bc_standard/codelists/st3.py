"""WIPO ST.3: two-letter codes of states, other entities and intergovernmental organisations.

Written out from the public standard: WIPO Standard ST.3, "Recommended standard on two-letter
codes for the representation of states, other entities and intergovernmental organizations",
WIPO Handbook on Industrial Property Information and Documentation, Part 3
(https://www.wipo.int/standards/en/part_03_standards.html). ST.3 follows ISO 3166-1 alpha-2 for
states and other entities, leaves out most dependent territories (their rights are registered by
the administering state's office), and adds codes from the ISO user-assigned range for
intergovernmental organisations that grant or register rights (EM, EP, WO...).

Former codes are those no longer assigned but still printed on documents of the rights they
identified (a DD patent stays a DD patent): ISO 3166-3 (formerly used codes) and WIPO ST.3's
list of codes no longer in use. They are accepted with a warning (rule ID-06). CS was assigned
twice: to Czechoslovakia until 1993 and to Serbia and Montenegro from 2003 to 2006 (ISO 3166-3
CSHH and CSXX), which had been Yugoslavia (YU) until 2003.

Names are ST.3's short English names, updated to the names the states use now (Czechia,
Eswatini, North Macedonia, Türkiye).
"""

from __future__ import annotations

from .code_list import Code, CodeList

_STATES = (
    ("AD", "Andorra"), ("AE", "United Arab Emirates"), ("AF", "Afghanistan"),
    ("AG", "Antigua and Barbuda"), ("AI", "Anguilla"), ("AL", "Albania"), ("AM", "Armenia"),
    ("AO", "Angola"), ("AR", "Argentina"), ("AT", "Austria"), ("AU", "Australia"), ("AW", "Aruba"),
    ("AZ", "Azerbaijan"), ("BA", "Bosnia and Herzegovina"), ("BB", "Barbados"), ("BD", "Bangladesh"),
    ("BE", "Belgium"), ("BF", "Burkina Faso"), ("BG", "Bulgaria"), ("BH", "Bahrain"), ("BI", "Burundi"),
    ("BJ", "Benin"), ("BM", "Bermuda"), ("BN", "Brunei Darussalam"),
    ("BO", "Bolivia (Plurinational State of)"), ("BQ", "Bonaire, Sint Eustatius and Saba"),
    ("BR", "Brazil"), ("BS", "Bahamas"), ("BT", "Bhutan"), ("BV", "Bouvet Island"), ("BW", "Botswana"),
    ("BY", "Belarus"), ("BZ", "Belize"), ("CA", "Canada"), ("CD", "Democratic Republic of the Congo"),
    ("CF", "Central African Republic"), ("CG", "Congo"), ("CH", "Switzerland"), ("CI", "Côte d'Ivoire"),
    ("CK", "Cook Islands"), ("CL", "Chile"), ("CM", "Cameroon"), ("CN", "China"), ("CO", "Colombia"),
    ("CR", "Costa Rica"), ("CU", "Cuba"), ("CV", "Cabo Verde"), ("CW", "Curaçao"), ("CY", "Cyprus"),
    ("CZ", "Czechia"), ("DE", "Germany"), ("DJ", "Djibouti"), ("DK", "Denmark"), ("DM", "Dominica"),
    ("DO", "Dominican Republic"), ("DZ", "Algeria"), ("EC", "Ecuador"), ("EE", "Estonia"),
    ("EG", "Egypt"), ("EH", "Western Sahara"), ("ER", "Eritrea"), ("ES", "Spain"), ("ET", "Ethiopia"),
    ("FI", "Finland"), ("FJ", "Fiji"), ("FK", "Falkland Islands (Malvinas)"), ("FO", "Faroe Islands"),
    ("FR", "France"), ("GA", "Gabon"), ("GB", "United Kingdom"), ("GD", "Grenada"), ("GE", "Georgia"),
    ("GG", "Guernsey"), ("GH", "Ghana"), ("GI", "Gibraltar"), ("GL", "Greenland"), ("GM", "Gambia"),
    ("GN", "Guinea"), ("GQ", "Equatorial Guinea"), ("GR", "Greece"),
    ("GS", "South Georgia and the South Sandwich Islands"), ("GT", "Guatemala"), ("GW", "Guinea-Bissau"),
    ("GY", "Guyana"), ("HK", "Hong Kong, China"), ("HN", "Honduras"), ("HR", "Croatia"), ("HT", "Haiti"),
    ("HU", "Hungary"), ("ID", "Indonesia"), ("IE", "Ireland"), ("IL", "Israel"), ("IM", "Isle of Man"),
    ("IN", "India"), ("IQ", "Iraq"), ("IR", "Iran (Islamic Republic of)"), ("IS", "Iceland"),
    ("IT", "Italy"), ("JE", "Jersey"), ("JM", "Jamaica"), ("JO", "Jordan"), ("JP", "Japan"),
    ("KE", "Kenya"), ("KG", "Kyrgyzstan"), ("KH", "Cambodia"), ("KI", "Kiribati"), ("KM", "Comoros"),
    ("KN", "Saint Kitts and Nevis"), ("KP", "Democratic People's Republic of Korea"),
    ("KR", "Republic of Korea"), ("KW", "Kuwait"), ("KY", "Cayman Islands"), ("KZ", "Kazakhstan"),
    ("LA", "Lao People's Democratic Republic"), ("LB", "Lebanon"), ("LC", "Saint Lucia"),
    ("LI", "Liechtenstein"), ("LK", "Sri Lanka"), ("LR", "Liberia"), ("LS", "Lesotho"),
    ("LT", "Lithuania"), ("LU", "Luxembourg"), ("LV", "Latvia"), ("LY", "Libya"), ("MA", "Morocco"),
    ("MC", "Monaco"), ("MD", "Republic of Moldova"), ("ME", "Montenegro"), ("MG", "Madagascar"),
    ("MK", "North Macedonia"), ("ML", "Mali"), ("MM", "Myanmar"), ("MN", "Mongolia"),
    ("MO", "Macao, China"), ("MP", "Northern Mariana Islands"), ("MR", "Mauritania"),
    ("MS", "Montserrat"), ("MT", "Malta"), ("MU", "Mauritius"), ("MV", "Maldives"), ("MW", "Malawi"),
    ("MX", "Mexico"), ("MY", "Malaysia"), ("MZ", "Mozambique"), ("NA", "Namibia"), ("NE", "Niger"),
    ("NG", "Nigeria"), ("NI", "Nicaragua"), ("NL", "Netherlands"), ("NO", "Norway"), ("NP", "Nepal"),
    ("NR", "Nauru"), ("NZ", "New Zealand"), ("OM", "Oman"), ("PA", "Panama"), ("PE", "Peru"),
    ("PG", "Papua New Guinea"), ("PH", "Philippines"), ("PK", "Pakistan"), ("PL", "Poland"),
    ("PT", "Portugal"), ("PW", "Palau"), ("PY", "Paraguay"), ("QA", "Qatar"), ("RO", "Romania"),
    ("RS", "Serbia"), ("RU", "Russian Federation"), ("RW", "Rwanda"), ("SA", "Saudi Arabia"),
    ("SB", "Solomon Islands"), ("SC", "Seychelles"), ("SD", "Sudan"), ("SE", "Sweden"),
    ("SG", "Singapore"), ("SH", "Saint Helena, Ascension and Tristan da Cunha"), ("SI", "Slovenia"),
    ("SK", "Slovakia"), ("SL", "Sierra Leone"), ("SM", "San Marino"), ("SN", "Senegal"),
    ("SO", "Somalia"), ("SR", "Suriname"), ("SS", "South Sudan"), ("ST", "Sao Tome and Principe"),
    ("SV", "El Salvador"), ("SX", "Sint Maarten (Dutch part)"), ("SY", "Syrian Arab Republic"),
    ("SZ", "Eswatini"), ("TC", "Turks and Caicos Islands"), ("TD", "Chad"), ("TG", "Togo"),
    ("TH", "Thailand"), ("TJ", "Tajikistan"), ("TL", "Timor-Leste"), ("TM", "Turkmenistan"),
    ("TN", "Tunisia"), ("TO", "Tonga"), ("TR", "Türkiye"), ("TT", "Trinidad and Tobago"),
    ("TV", "Tuvalu"), ("TW", "Taiwan, Province of China"), ("TZ", "United Republic of Tanzania"),
    ("UA", "Ukraine"), ("UG", "Uganda"), ("US", "United States of America"), ("UY", "Uruguay"),
    ("UZ", "Uzbekistan"), ("VA", "Holy See"), ("VC", "Saint Vincent and the Grenadines"),
    ("VE", "Venezuela (Bolivarian Republic of)"), ("VG", "Virgin Islands (British)"), ("VN", "Viet Nam"),
    ("VU", "Vanuatu"), ("WS", "Samoa"), ("YE", "Yemen"), ("ZA", "South Africa"), ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
)

#: Intergovernmental organisations and other codes outside ISO 3166-1 (ST.3 takes them from the
#: ISO user-assigned range or reserves them for these bodies).
_ORGANISATIONS = (
    ("AP", "African Regional Intellectual Property Organization (ARIPO)"),
    ("BX", "Benelux Office for Intellectual Property (BOIP)"),
    ("EA", "Eurasian Patent Organization (EAPO)"),
    ("EM", "European Union Intellectual Property Office (EUIPO)"),
    ("EP", "European Patent Office (EPO)"),
    ("GC", "Patent Office of the Cooperation Council for the Arab States of the Gulf (GCC Patent Office)"),
    ("IB", "International Bureau of the World Intellectual Property Organization (WIPO)"),
    ("OA", "African Intellectual Property Organization (OAPI)"),
    ("QZ", "Community Plant Variety Office (CPVO)"),
    ("WO", "World Intellectual Property Organization (WIPO)"),
    ("XN", "Nordic Patent Institute (NPI)"),
    ("XU", "International Union for the Protection of New Varieties of Plants (UPOV)"),
    ("XV", "Visegrad Patent Institute (VPI)"),
)

_UNKNOWN = (("XX", "Unknown states, other entities or organizations"),)

#: Former codes: code, name, and the codes that took over (ISO 3166-3; WIPO ST.3).
_FORMER = (
    ("AN", "Netherlands Antilles", "BQ CW SX"),
    ("BU", "Burma", "MM"),
    ("CS", "Czechoslovakia (until 1993); Serbia and Montenegro (2003-2006)", "CZ SK ME RS"),
    ("DD", "German Democratic Republic", "DE"),
    ("RH", "Southern Rhodesia", "ZW"),
    ("SU", "Union of Soviet Socialist Republics", "AM AZ BY EE GE KG KZ LT LV MD RU TJ TM UA UZ"),
    ("TP", "East Timor", "TL"),
    ("YD", "Democratic Yemen", "YE"),
    ("YU", "Yugoslavia", "BA HR ME MK RS SI"),
    ("ZR", "Zaire", "CD"),
)

ST3 = CodeList(
    "st3", "WIPO ST.3 codes",
    "Two-letter codes of states, other entities and intergovernmental organisations, identifying "
    "the office or origin of IP documents; former codes are kept for the rights they identified.",
    "WIPO Standard ST.3 (WIPO Handbook on Industrial Property Information and Documentation, Part 3); "
    "ISO 3166-1 alpha-2; ISO 3166-3 (formerly used codes)",
    tuple(Code(code, name, facts=(("kind", "state"), ("status", "current"))) for code, name in _STATES)
    + tuple(Code(code, name, facts=(("kind", "organisation"), ("status", "current"))) for code, name in _ORGANISATIONS)
    + tuple(Code(code, name, facts=(("kind", "unknown"), ("status", "current"))) for code, name in _UNKNOWN)
    + tuple(Code(code, name, facts=(("kind", "state"), ("status", "former"), ("replacedBy", successors)))
            for code, name, successors in _FORMER),
)

#: Fast look-ups for the rules (a CodeList scans its codes).
CURRENT: frozenset[str] = frozenset(c for c, _ in _STATES + _ORGANISATIONS + _UNKNOWN)
ORGANISATIONS: frozenset[str] = frozenset(c for c, _ in _ORGANISATIONS)
FORMER: dict[str, tuple[str, str]] = {code: (name, successors) for code, name, successors in _FORMER}
NAMES: dict[str, str] = {c.value: c.label for c in ST3.codes}
