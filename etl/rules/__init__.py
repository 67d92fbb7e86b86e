"""Extraction rules over the parse, with their word classes kept as data files beside them."""
