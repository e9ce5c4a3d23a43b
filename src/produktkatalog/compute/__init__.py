"""Compute stage: the values of derived Kennzahlen, in Decimal, per period."""

from produktkatalog.compute.evaluate import CONTEXT, Inputs, NoValue, Outcome, Period, evaluate

__all__ = ["CONTEXT", "Inputs", "NoValue", "Outcome", "Period", "evaluate"]
