"""Offline country boundaries, names (Arabic and English) and the desk regions.

The boundaries file is built by ``scripts/build_boundaries.py`` from two npm
packages whose licences sit in ``licences/``; nothing is fetched at run time.
"""
