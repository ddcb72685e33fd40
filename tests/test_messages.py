"""Findings speak English and Chinese, from the message catalogues."""

from __future__ import annotations

import json

from wipo_bc_standard import messages, validate
from wipo_bc_standard.constants import MESSAGE_LANGUAGES
from wipo_bc_standard.rules import CATALOGUE
from wipo_bc_standard.rules.examples import example_record


def test_every_catalogued_message_has_every_language() -> None:
    for rule, templates in messages.TEMPLATES.items():
        assert set(templates) == set(MESSAGE_LANGUAGES), rule


def test_every_rule_has_a_chinese_message() -> None:
    assert all(rule.message_zh for rule in CATALOGUE.values())


def test_findings_are_in_chinese_with_lang_zh() -> None:
    report = validate([example_record(ipRight__applicationNumber=None), example_record(event__standard="ST.27")],
                      lang="zh")
    messages_zh = [f.message for item in report.items for f in item.findings]
    assert "缺少必需的成员 'applicationNumber'" in messages_zh
    assert any("ST.61" in m and "编码" in m for m in messages_zh)
    report = validate(b'{"a": 1, "a": 2}', lang="zh")
    assert report.items[0].findings[0].message == "同一对象中出现重复的键 'a'"


def test_english_is_the_default() -> None:
    report = validate(json.dumps(example_record(recordType="sale")).encode())
    assert "is not one of" in report.items[0].findings[0].message


def test_findings_of_the_other_forms_are_in_chinese_too() -> None:
    from .conftest import EXAMPLES
    refused = EXAMPLES / "invalid" / "record" / "xml.entity--billion-laughs.xml"
    (finding,) = validate(refused, lang="zh").items[0].findings
    assert finding.rule == "xml.entity" and "实体" in finding.message
    (finding,) = validate(refused).items[0].findings
    assert "DOCTYPE" in finding.message and "实体" not in finding.message


def test_every_template_is_said_by_one_function() -> None:
    """Rules' templates, the message catalogue's and the hints' go through wording.say: a language without a
    template falls back to English, and parameters that do not fit never raise."""
    templates = {"en": "value {value}", "zh": ""}
    assert messages.say(templates, {"value": 1}, "zh") == "value 1"
    assert messages.say({"en": "value {value}"}, {}, "en") == "value {value}"
    assert messages.say({"en": "value {value}"}, {}, "en", "said otherwise") == "said otherwise"
    assert messages.message("json.depth", {"limit": 3}, "zh") == messages.say(messages.TEMPLATES["json.depth"],
                                                                             {"limit": 3}, "zh")
