"""The read stage: from document text to events, places and warning indicators.

Entry point: :func:`wiqaya.read.pipeline.read_document` (pure; no database).
"""
