"""Formulas name existing Kennzahlen and functions, and no Kennzahl depends on itself."""

from __future__ import annotations

from collections.abc import Iterator

from produktkatalog.findings import Finding, error
from produktkatalog.model import Kennzahl
from produktkatalog.model.formula import FUNCTIONS, Call, Reference, TokenError
from produktkatalog.model.formula.parser import walk
from produktkatalog.model.formula.reads import shifted_references
from produktkatalog.model.index import Index, scope_of
from produktkatalog.wording.text import suggestion

Edges = dict[int, list[tuple[Kennzahl, Reference]]]
_SYNTAX_HINT = ("Formeln bestehen aus Kennungen, Zahlen, + - * /, Klammern, Funktionen wie teile(a, b) und "
                "Zeilennummern in Anführungszeichen wie zeile(\"17\").")


def check(index: Index) -> Iterator[Finding]:
    edges: Edges = {}
    by_id: dict[int, Kennzahl] = {}
    for figure in index.catalogue.kennzahlen:
        if figure.parsed is None:
            continue
        by_id[id(figure)] = figure
        findings, edges[id(figure)] = _formula(index, figure)
        yield from findings
    yield from _cycles(edges, by_id)


def _formula(index: Index, figure: Kennzahl) -> tuple[list[Finding], list[tuple[Kennzahl, Reference]]]:
    tree = figure.parsed
    if isinstance(tree, TokenError):
        return [_at(figure, "K209", tree.message, _SYNTAX_HINT, tree.offset)], []
    assert tree is not None  # figures without a formula are skipped above
    findings = [_at(figure, "K208", f"Die Funktion „{call.function}“ gibt es nicht.",
                    suggestion(call.function, FUNCTIONS) or f"Funktionen: {', '.join(sorted(FUNCTIONS))}.",
                    call.offset)
                for call in walk(tree) if isinstance(call, Call) and call.function not in FUNCTIONS]
    targets = []
    scope = scope_of(figure)
    for reference, years_back in shifted_references(tree):
        target = index.resolve(reference, scope)
        if target is None and figure.per_owner and index.defined_in_products(reference.name):
            continue  # a Standardkennzahl may use a Kennzahl its products have; it resolves per product
        if target is None:
            hint = suggestion(reference.name, index.visible_names(scope)) or (
                "Formeln nennen Kennungen aus den Ordnern kennzahlen/ des Produkts und des Katalogs sowie „einwohner“.")
            findings.append(_at(figure, "K208", f"In der Formel steht „{reference.text}“, eine solche Kennzahl "
                                "gibt es aber nicht.", hint, reference.offset))
        elif isinstance(target, Kennzahl) and not years_back:  # vorjahr(x) reads another column: no cycle
            targets.append((target, reference))
    return findings, targets


def _at(figure: Kennzahl, code: str, message: str, hint: str, offset: int) -> Finding:
    return error(code, figure.file, message, hint, path=("formel",), offset=offset)


def _cycles(edges: Edges, by_id: dict[int, Kennzahl]) -> Iterator[Finding]:
    """Colour-marking depth-first search, iterative so long chains cannot exhaust the stack."""
    state: dict[int, int] = {}  # 1: on the current path, 2: done
    reported: set[frozenset[int]] = set()
    for start in by_id:
        if state.get(start):
            continue
        stack: list[tuple[int, int]] = [(start, 0)]
        state[start] = 1
        while stack:
            node, next_edge = stack[-1]
            targets = edges.get(node, [])
            if next_edge == len(targets):
                state[node] = 2
                stack.pop()
                continue
            stack[-1] = (node, next_edge + 1)
            target = id(targets[next_edge][0])
            if state.get(target) == 1:
                cycle = [n for n, _ in stack[[n for n, _ in stack].index(target):]]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    yield _cycle_finding(cycle, edges, by_id)
            elif not state.get(target):
                state[target] = 1
                stack.append((target, 0))


def _cycle_finding(cycle: list[int], edges: Edges, by_id: dict[int, Kennzahl]) -> Finding:
    first = by_id[cycle[0]]
    names = [by_id[node].ident for node in cycle] + [first.ident]
    following = cycle[1] if len(cycle) > 1 else cycle[0]
    offset = next(ref.offset for target, ref in edges[cycle[0]] if id(target) == following)
    return _at(first, "K210", f"Zirkelbezug: {' → '.join(names)}.",
               "Eine Kennzahl darf nicht (auch nicht über andere) von sich selbst abhängen; "
               "lösen Sie den Kreis auf, indem eine der Kennzahlen als Grundzahl erfasst wird.", offset)
