"""Compute stage: the values of derived Kennzahlen, plan tables and roll-ups, in Decimal, per period."""

from produktkatalog.compute.catalogue import Computation, compute_catalogue
from produktkatalog.compute.evaluate import CONTEXT, Inputs, evaluate

__all__ = ["CONTEXT", "Computation", "Inputs", "compute_catalogue", "evaluate"]
