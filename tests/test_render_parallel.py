"""Pages rendered in worker processes are the same bytes, in the same order, as those rendered in one process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import produktkatalog.render.parallel as parallel
from conftest import BUNDLED
from produktkatalog.pipeline import validate
from produktkatalog.render import TemplateProblem, render_site


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every catalogue goes to worker processes, however few its pages; records how many pages went there."""
    if not parallel.can_fork():
        pytest.skip("no fork on this platform")
    counts: list[int] = []
    original = parallel._in_workers
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "_in_workers", lambda count, *rest: counts.append(count) or original(count, *rest))
    return counts


def test_worker_processes_render_the_same_pages(forked: list[int]) -> None:
    result = validate(BUNDLED, use_cache=False, workers=1)
    alone = render_site(result, BUNDLED, ["html", "md"], workers=1)
    assert forked == []
    shared = render_site(result, BUNDLED, ["html", "md"], workers=2)
    assert len(forked) == len(result.computations) and sum(forked) > 100
    assert list(shared.files) == list(alone.files)
    assert shared.files == alone.files


def test_a_template_problem_in_a_worker_is_reported(tmp_path: Path, forked: list[int]) -> None:
    root = tmp_path / "leverkusen"
    shutil.copytree(BUNDLED / "leverkusen", root)
    (root / "templates").mkdir()
    (root / "templates" / "produkt.md.j2").write_text("# Titel\n\n{{ produkt.nichtda }}\n")
    result = validate(root, use_cache=False, workers=1)
    with pytest.raises(TemplateProblem, match=r"produkt.md.j2 lässt sich nicht anwenden, Zeile 3: „nichtda“"):
        render_site(result, root, ["md"], workers=2)
    assert forked != []
