"""Message catalogue of the findings that are not rules of the catalogue (JSON, schema, target).

Rules carry their own ``message``/``message_zh`` templates; everything else is said here, once
per language, so that ``--lang zh`` never meets a scattered English string.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from . import hints
from .findings import Finding, Level
from .wording import say

#: rule id -> language -> template (``str.format`` with the finding's parameters).
TEMPLATES: dict[str, dict[str, str]] = {
    "source.unreadable": {"en": "the file cannot be read: {detail}", "zh": "无法读取该文件：{detail}"},
    "json.syntax": {"en": "not JSON: {detail}", "zh": "不是 JSON：{detail}"},
    "json.empty": {"en": "empty line: no JSON value", "zh": "空行：没有 JSON 值"},
    "json.encoding": {"en": "{detail}", "zh": "编码错误：{detail}"},
    "json.duplicate-key": {"en": "duplicate key {key!r} in one object", "zh": "同一对象中出现重复的键 {key!r}"},
    "json.non-finite-number": {"en": "{name} is not a JSON number", "zh": "{name} 不是 JSON 数字"},
    "json.number-range": {"en": "number {text} is beyond what JSON implementations carry exactly (I-JSON: +-(2**53-1), finite doubles)",
                          "zh": "数字 {text} 超出 JSON 实现可精确表示的范围（I-JSON：±(2**53-1)，有限双精度数）"},
    "json.depth": {"en": "nesting deeper than {limit} levels", "zh": "嵌套深度超过 {limit} 层"},
    # Limits (docs/limits.md): the item is not checked further.
    "limit.item-bytes": {"en": "the item has {size} bytes, more than the limit of {limit} (item_bytes); not checked further",
                         "zh": "条目有 {size} 字节，超过 {limit} 字节的限制（item_bytes）；未作进一步检查"},
    "limit.members": {"en": "an object or array has {size} members, more than the limit of {limit} (members); "
                            "not checked further",
                      "zh": "某个对象或数组有 {size} 个成员，超过 {limit} 的限制（members）；未作进一步检查"},
    "limit.string-length": {"en": "a string has {size} characters, more than the limit of {limit} (string_chars); "
                                  "not checked further",
                            "zh": "某个字符串有 {size} 个字符，超过 {limit} 的限制（string_chars）；未作进一步检查"},
    "limit.findings": {"en": "{more} more findings on this item are not shown (limit findings_per_item: {limit})",
                       "zh": "该条目另有 {more} 项发现未列出（findings_per_item 限制：{limit}）"},
    "limit.rdf": {"en": "{detail}", "zh": "RDF 图超出限制：{detail}"},
    "json.not-an-object": {"en": "item is {kind}, not a JSON object", "zh": "条目是{kind_zh}，不是 JSON 对象"},
    "ledger.malformed": {"en": "{source}: {place}: {detail}", "zh": "{source}：{place}：{detail}"},
    # The other forms: the English detail comes from the reader (or lxml, pySHACL, rdflib).
    "xml.encoding": {"en": "{detail}", "zh": "XML 编码不被接受：{detail}"},
    "xml.entity": {"en": "{detail}", "zh": "XML 实体被拒绝（不接受 DTD 或实体）：{detail}"},
    "xml.doctype": {"en": "{detail}", "zh": "XML 文档类型声明（DOCTYPE）被拒绝：{detail}"},
    "xml.too-large": {"en": "{detail}", "zh": "XML 文件过大：{detail}"},
    "xml.syntax": {"en": "{detail}", "zh": "XML 格式不正确：{detail}"},
    "xml.schema-location": {"en": "{detail}", "zh": "XML 指向外部模式（xsi:schemaLocation），不被接受：{detail}"},
    "xml.root": {"en": "{detail}", "zh": "XML 根元素不正确：{detail}"},
    "xsd.*": {"en": "line {line}: {detail}", "zh": "第 {line} 行：不符合 XSD：{detail}"},
    "jsonld.remote-context": {"en": "{detail}", "zh": "远程 JSON-LD 上下文被拒绝，未进行任何网络请求：{detail}"},
    "jsonld.syntax": {"en": "{detail}", "zh": "JSON-LD 不可用：{detail}"},
    "jsonld.too-large": {"en": "{detail}", "zh": "JSON-LD 文件过大：{detail}"},
    "ttl.too-large": {"en": "{detail}", "zh": "Turtle 文件过大：{detail}"},
    "ttl.encoding": {"en": "{detail}", "zh": "Turtle 编码错误：{detail}"},
    "ttl.syntax": {"en": "{detail}", "zh": "Turtle 语法错误：{detail}"},
    "rdf.no-document": {"en": "{detail}", "zh": "图中没有记录、网络配置或治理声明：{detail}"},
    "rdf.list": {"en": "{detail}", "zh": "RDF 列表无法读取：{detail}"},
    "rdf.no-type": {"en": "{detail}", "zh": "节点没有类型：{detail}"},
    "shacl.*": {"en": "{detail}", "zh": "不符合 SHACL 形状：{detail}"},
    "target.unknown": {"en": "cannot tell the target: no recordId, profileId, declarationId, DID id or credential type (use --target)",
                       "zh": "无法判断检查目标：没有 recordId、profileId、declarationId、DID 标识或凭证类型（请使用 --target）"},
    "schema.required": {"en": "required member {property!r} is missing", "zh": "缺少必需的成员 {property!r}"},
    "schema.additionalProperties": {"en": "member {unexpected!r} is not part of the model",
                                    "zh": "成员 {unexpected!r} 不属于数据模型"},
    "schema.type": {"en": "{value} is not of type {types}", "zh": "{value} 的类型不是 {types}"},
    "schema.enum": {"en": "{value} is not one of {options}", "zh": "{value} 不在允许的取值 {options} 之中"},
    "schema.const": {"en": "{value} is not {expected_value}", "zh": "{value} 应为 {expected_value}"},
    "schema.pattern": {"en": "{value} does not match {pattern}", "zh": "{value} 不符合模式 {pattern}"},
    "schema.format": {"en": "{value} is not a valid {format}", "zh": "{value} 不是有效的{format_zh}"},
    "schema.minLength": {"en": "{value} is shorter than {limit} characters", "zh": "{value} 短于 {limit} 个字符"},
    "schema.maxLength": {"en": "{value} is longer than {limit} characters", "zh": "{value} 长于 {limit} 个字符"},
    "schema.minimum": {"en": "{value} is less than the minimum {limit}", "zh": "{value} 小于最小值 {limit}"},
    "schema.maximum": {"en": "{value} is greater than the maximum {limit}", "zh": "{value} 大于最大值 {limit}"},
    "schema.exclusiveMinimum": {"en": "{value} is not greater than {limit}", "zh": "{value} 不大于 {limit}"},
    "schema.exclusiveMaximum": {"en": "{value} is not less than {limit}", "zh": "{value} 不小于 {limit}"},
    "schema.minItems": {"en": "{value} has fewer than {limit} items", "zh": "{value} 少于 {limit} 项"},
    "schema.maxItems": {"en": "{value} has more than {limit} items", "zh": "{value} 多于 {limit} 项"},
    "schema.uniqueItems": {"en": "{value} has repeated items", "zh": "{value} 含有重复项"},
    "schema.anyOf": {"en": "{value} matches none of the allowed forms", "zh": "{value} 不符合任何一种允许的形式"},
    "schema.oneOf": {"en": "{value} must match exactly one of the allowed forms", "zh": "{value} 必须恰好符合一种允许的形式"},
}

#: JSON Schema format names in Chinese, the name kept in brackets (it is what the schema says).
_FORMAT_ZH = {"date": "日期（date）", "date-time": "日期时间（date-time）", "uri": " URI（uri）", "email": "电子邮件地址（email）",
              "uri-reference": " URI 引用（uri-reference）"}
_KIND_ZH = {"an array": "数组", "a string": "字符串", "a number": "数字", "a boolean": "布尔值", "null": "null"}


def localised(finding: Finding, lang: str) -> Finding:
    """A reader's finding (made in English, its detail kept in ``params``) in ``lang``."""
    if lang == "en" or not finding.params:
        return finding
    said = message(finding.rule, dict(finding.params), lang, "")
    children = tuple(localised(c, lang) for c in finding.children)
    return replace(finding, message=said or finding.message, children=children)


def message(rule: str, params: Mapping[str, Any], lang: str = "en", fallback: str = "") -> str:
    """The message of a finding in ``lang``; ``fallback`` (English) when the catalogue has none."""
    templates = TEMPLATES.get(rule) or TEMPLATES.get(rule.split(".", 1)[0] + ".*")
    if templates is None:
        return fallback
    values = dict(params)
    if "kind" in values:
        values.setdefault("kind_zh", _KIND_ZH.get(values["kind"], values["kind"]))
    if "format" in values:
        values.setdefault("format_zh", _FORMAT_ZH.get(values["format"], values["format"]))
    return say(templates, values, lang, fallback)


def finding(rule: str, level: Level, templates: Mapping[str, str], params: Mapping[str, Any], lang: str = "en", *,
            path: str = "", clause: str = "") -> Finding:
    """A finding of a rule whose message templates (by language) are its own: the one place a
    rule's, the chain's and the ledger readers' findings are made."""
    return Finding(rule=rule, level=level, message=say(templates, params, lang), path=path, clause=clause,
                   params=tuple(sorted(params.items())), hint=hints.for_rule(rule, params, lang))

