"""Wiqaya (وقاية): Arabic-first early warning and preventive diplomacy.

The package follows the loop it serves: sift → read → assess → warn → act →
remember → learn. `store` owns every database statement; `web` and `cli` are
thin shells over the stage packages.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
