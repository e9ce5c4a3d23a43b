"""``katalog import``: plans and Kennzahl values from finance exports and open data into the catalogue.

Stages, top to bottom (``run.run_import`` reads as this list): the mapping (``mapping``), the source as a
table (``source``, ``numbers``), its cells as records (``layout``, ``records``, ``accounts``), plans with their
signs converted and their sums checked (``plans``), what changes in the catalogue (``changes``), and the
writing through fmt's round trip (``patch``, ``edit``) and scaffold's products (``run``).
"""

from produktkatalog.imports.run import Outcome, Request, run_import

__all__ = ["Outcome", "Request", "run_import"]
