"""Presentation of computed figures for people: German number formats, tables, explanations."""
