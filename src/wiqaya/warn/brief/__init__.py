"""The monthly horizon-scanning brief, in Arabic or English, as HTML or PDF.

``compose`` gathers the month's figures through ``store.browse`` (the same
queries the dashboard shows); ``render`` turns them into a self-contained
HTML document or a PDF (WeasyPrint, Debian Arabic fonts, shaped by Pango).
"""
