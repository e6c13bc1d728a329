"""The web security layer: who is asking (sessions, tokens) and what they may do (policy).

Everything is enforced by :class:`~wiqaya.web.security.middleware.SecurityMiddleware`,
installed once in ``create_app``; routes add nothing themselves.
"""
