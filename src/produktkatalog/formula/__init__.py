"""The formula language of derived Kennzahlen."""

from produktkatalog.formula.tokens import FUNCTIONS, Reference, Token, TokenError, references, tokenize

__all__ = ["FUNCTIONS", "Reference", "Token", "TokenError", "references", "tokenize"]
