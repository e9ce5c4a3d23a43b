"""Numbers of the Produktrahmen compare by their digits: "01.10.01", "011001" and "01 10 01" are one number."""

from __future__ import annotations

import re

_NOT_DIGIT = re.compile(r"\D")


def canonical(number: str) -> str:
    return _NOT_DIGIT.sub("", number)
