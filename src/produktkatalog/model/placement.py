"""Where each product sits in the Produktrahmen: its Produktgruppe and Produktbereich."""

from __future__ import annotations

from dataclasses import dataclass

from produktkatalog.model.framework import Framework
from produktkatalog.model.numbering import canonical
from produktkatalog.model.owners import GESAMT, Owner
from produktkatalog.model.types import Product


@dataclass
class Placement:
    """Where each product sits: its Produktgruppe and Produktbereich."""

    framework: Framework | None

    def group(self, product: Product) -> str | None:
        declared = product.text("produktgruppe")
        if declared:
            return canonical(declared)
        return self.framework.group_for(product.key) if self.framework and product.key else None

    def area(self, group: str | None) -> str | None:
        if group is None or self.framework is None:
            return None
        areas = [a for a in self.framework.names("produktbereiche") if group.startswith(a) and group != a]
        return max(areas, key=len) if areas else None

    def owners(self, product: Product) -> dict[str, Owner]:
        """The product's owner at each level it belongs to."""
        group = self.group(product)
        area = self.area(group)
        found = {"produkt": Owner("produkt", product.folder), "gesamt": GESAMT}
        if group:
            found["produktgruppe"] = Owner("produktgruppe", group)
        if area:
            found["produktbereich"] = Owner("produktbereich", area)
        return found
