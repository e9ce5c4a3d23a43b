"""How katalog says things in German: values, places in a document, suggestions, and German number formats."""
