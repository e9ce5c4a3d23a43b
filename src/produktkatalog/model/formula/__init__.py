"""The formula language of derived Kennzahlen: tokens, then an AST from a recursive-descent parser."""

from produktkatalog.model.formula.parser import (
    ARITY,
    Binary,
    Call,
    Node,
    Number,
    ParseError,
    Reference,
    Text,
    Unary,
    parse,
    references,
)
from produktkatalog.model.formula.tokens import Token, TokenError, tokenize

FUNCTIONS = frozenset(ARITY)

__all__ = ["ARITY", "FUNCTIONS", "Binary", "Call", "Node", "Number", "ParseError", "Reference", "Text", "Token",
           "TokenError", "Unary", "parse", "references", "tokenize"]
