"""Blank ผด.02 forms for every division."""
