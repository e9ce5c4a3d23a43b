"""Which finding explains which: a finding caused by another one names it (``Finding.cause``).

The checks stay independent and report what they see; this pass, run once every finding has its
position, links the consequences to their cause, so that reporters can show the cause first and the
Folgefehler under it (text) or beside it (JSON, SARIF and the CI formats keep every finding).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from produktkatalog.check.numbering import misnumbered
from produktkatalog.findings import Finding
from produktkatalog.model.index import Index

# file → the finding that explains the findings of these codes in it
Explained = dict[str, Finding]
Rule = Callable[[Index, list[Finding]], tuple[frozenset[str], Explained]]


def _misnumbered_product(index: Index, findings: list[Finding]) -> tuple[frozenset[str], Explained]:
    """A wrong product number (K230) explains the number findings of the product and of its Leistungen."""
    causes = {finding.file: finding for finding in findings if finding.code == "K230"}
    explained: Explained = {}
    for wrong in misnumbered(index) if causes else []:
        cause = causes.get(wrong.product.file)
        if cause is not None:
            explained.update({file: cause for file in (wrong.product.file, *(le.file for le in wrong.leistungen))})
    return frozenset({"K202", "K204", "K205", "K206", "K213"}), explained


RULES: tuple[Rule, ...] = (_misnumbered_product,)


def link_causes(index: Index, findings: list[Finding]) -> list[Finding]:
    """The findings, each consequence with its ``cause`` set; order and number unchanged."""
    for rule in RULES:
        codes, explained = rule(index, findings)
        if explained:
            findings = [replace(finding, cause=explained[finding.file])
                        if finding.code in codes and finding.file in explained and finding.cause is None
                        else finding for finding in findings]
    return findings
