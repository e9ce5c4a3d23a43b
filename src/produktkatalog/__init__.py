"""katalog: the municipal Produktkatalog as code."""

__version__ = "0.1.0"
