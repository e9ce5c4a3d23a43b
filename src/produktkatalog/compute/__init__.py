"""Compute stage: the values of derived Kennzahlen, in Decimal, per period."""

from produktkatalog.compute.catalogue import Computation, compute_catalogue
from produktkatalog.compute.evaluate import CONTEXT, Inputs, NoValue, Outcome, Period, evaluate

__all__ = ["CONTEXT", "Computation", "Inputs", "NoValue", "Outcome", "Period", "compute_catalogue", "evaluate"]
