"""Running the examples every pack rule carries (``copylint test-rules``): each ``fail``
example must give at least one finding of that rule, each ``pass`` example none. A
``fail`` example may say what the rule's fixes make of it (``fixed``): the example's
text with every fix of the rule applied, offered ones too, must be that."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from ..model import Document, Region, TextBuilder
from .compiler import PackEngine, PackRule
from .loader import PackSpec, as_date

_ORDER = ("headline", "standfirst", "body", "caption")


@dataclass
class ExampleResult:
    rule: str
    where: str  # file:line of the example
    expect: str  # "fail" or "pass"
    example: str
    ok: bool
    found: list[str] = field(default_factory=list)  # messages of the rule's findings
    fixed: str | None = None  # what the rule's fixes made of the example, when it says what they should


def example_document(example: Any, rule: PackRule) -> Document:
    """An article holding the example: a plain string goes where the rule looks (the body,
    or the headline for headline rules); a mapping names its parts, and may date it."""
    if isinstance(example, str):
        if rule.blocks & {"paragraph", "blockquote"}:
            parts = {"body": example}
        elif "headline" in rule.blocks:
            parts = {"headline": example}
        elif "standfirst" in rule.blocks:
            parts = {"standfirst": example}
        elif "caption" in rule.blocks:
            parts = {"caption": example}
        else:
            parts = {"body": example}
    else:
        parts = dict(example)
    source = ""
    b = TextBuilder()
    regions: list[Region] = []
    for part in _ORDER:
        if part not in parts:
            continue
        chunks = [c.strip() for c in str(parts[part]).split("\n\n")] if part == "body" else [str(parts[part]).strip()]
        for chunk in chunks:
            if not chunk:
                continue
            if source:
                source += "\n\n"
            start = len(source)
            source += chunk
            b.separate(start)
            t0, t1 = b.verbatim(source, start, len(source))
            regions.append(Region("paragraph" if part == "body" else part, t0, t1))
    fields = {"date": as_date(parts["date"])} if "date" in parts else {}
    return Document(path="<example>", source=source, text=b.text(), map=b.map, regions=regions, fields=fields)


def run_examples(packs: list[PackSpec]) -> list[ExampleResult]:
    from ..engine import check_document

    results: list[ExampleResult] = []
    for pack in packs:
        engine = PackEngine([pack])  # alone, so no other pack makes a rule stand down
        runner = engine.pack_rule(pack)
        for r in engine.rules:
            settings = Settings(select=[r.id])
            for expect in ("fail", "pass"):
                examples = r.spec["tests"][expect]
                for i, example in enumerate(examples):
                    doc = example_document(example, r)
                    findings, _ = check_document(doc, [runner], settings)
                    mine = [f for f in findings if f.rule == r.id]
                    ok = bool(mine) if expect == "fail" else not mine
                    fixed = None
                    if ok and expect == "fail" and isinstance(example, dict) and "fixed" in example:
                        fixed = _fixed(doc.source, mine)
                        ok = fixed == example["fixed"]
                    results.append(ExampleResult(r.id, f"{pack.path}:{examples.item_lines[i]}", expect,
                                                 example if isinstance(example, str) else repr(dict(example)),
                                                 ok, [f.message for f in mine], fixed))
    return results


def _fixed(source: str, findings) -> str:
    """The example's text with the findings' fixes applied, offered ones too."""
    from ..fixer import apply_edits, choose_edits

    edits, _ = choose_edits(findings, unsafe=True)
    return apply_edits(source, edits)
