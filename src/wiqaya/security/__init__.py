"""Security: the install secret and keys derived from it, passwords, pseudonyms, roles.

Nothing here opens a database session (that is ``wiqaya.store.security`` and
``wiqaya.store.audit``) or knows about HTTP (that is ``wiqaya.web.security``).
"""
