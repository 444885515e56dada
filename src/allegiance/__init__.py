"""Allegiance: who said what about whom, and who stands with whom."""

__version__ = "0.1.0"
