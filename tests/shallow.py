"""Run a call with little Python stack to spare: code that recurses over a long formula or chain cannot finish.

Hypothesis raises the recursion limit while a test runs, so a recursive evaluator would pass a property test on
long input; this helper takes that slack away again."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")


def shallow(call: Callable[[], Result], frames: int) -> Result:
    """``call()`` with at most ``frames`` Python frames more than the caller has."""
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + frames)
    try:
        return call()
    finally:
        sys.setrecursionlimit(limit)
