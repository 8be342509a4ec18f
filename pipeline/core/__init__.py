"""Shared facts every stage agrees on: the record model, Thai text, periods, matching, the domain's names, settings."""
