"""Sift: take in what analysts have (files, feeds, datasets), faithfully, once, with provenance."""
