"""Semantic diff of two states of a catalogue: what the author changed, and what follows from it."""

from produktkatalog.diff.compare import compare, compare_catalogues
from produktkatalog.diff.records import AmountChange, CatalogueDiff, Diff, EntityChange, FieldChange, GoalChange
from produktkatalog.diff.sides import Side, open_sides

__all__ = ["AmountChange", "CatalogueDiff", "Diff", "EntityChange", "FieldChange", "GoalChange", "Side", "compare",
           "compare_catalogues", "open_sides"]
