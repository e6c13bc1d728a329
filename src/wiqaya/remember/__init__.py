"""The remember stage: a cross-lingual library of peace agreements, guidance and lessons.

Parsing (``pax``, ``documents``), text analysis (``analysis``), the bilingual
lexicon (``lexicon``), embeddings (``embedding``) and ranking (``index``) are
pure: they never open a database session. ``service`` joins them to the store.
"""
