"""The access policy: one table of route patterns × methods → the minimum role.

Deny by default. A request is allowed only when a rule below names its route
and method; anything else is refused (401 when not logged in, 403 otherwise),
even for an admin. A route added without a rule therefore does not work, and
``tests/security/test_policy.py`` fails until a rule is added here.

Patterns are matched against the route's *template* (``/api/v1/events/{event_id}``),
after Starlette has routed the request, so odd encodings of a path cannot slip
past a rule. In patterns ``*`` stands for one path segment and ``**`` for any
number of trailing segments (including none). The first matching rule wins,
so list narrow rules before broad ones.

How to add a route: add one line below with the least role that needs it.
Reads (GET, HEAD) are for viewers; writes (POST, PUT, PATCH, DELETE) for
analysts; users, tokens and the audit log for admins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wiqaya.security.roles import ADMIN, ANALYST, VIEWER

PUBLIC = "public"
READ = frozenset({"GET"})
WRITE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Rule:
    pattern: str
    methods: frozenset[str]
    role: str  # PUBLIC or a role name
    why: str = ""


def _rules(pattern: str, reads: str | None, writes: str | None, why: str = "") -> list[Rule]:
    out = []
    if reads:
        out.append(Rule(pattern, READ, reads, why))
    if writes:
        out.append(Rule(pattern, WRITE, writes, why))
    return out


POLICY: list[Rule] = [
    # --- public: only what is needed to log in and to draw the login page ---------
    Rule("/login", frozenset({"GET", "POST"}), PUBLIC, "the login form"),
    Rule("/logout", frozenset({"POST"}), PUBLIC, "ends the caller's own session"),
    Rule("/static", READ, PUBLIC, "CSS for the login page; no data"),
    Rule("/healthz", READ, PUBLIC, "liveness probe; says nothing about data"),
    # --- admin -------------------------------------------------------------------
    *_rules("/api/v1/users/**", ADMIN, ADMIN, "user and token management"),
    *_rules("/api/v1/audit/**", ADMIN, ADMIN, "the audit log"),
    *_rules("/admin/**", ADMIN, ADMIN, "administration pages"),
    # --- the API: read for viewers, write for analysts ----------------------------
    Rule("/docs", READ, VIEWER, "interactive API documentation"),
    Rule("/docs/oauth2-redirect", READ, VIEWER),
    Rule("/openapi.json", READ, VIEWER),
    Rule("/api/v1/me", READ, VIEWER, "who am I"),
    *_rules("/api/v1/documents/**", VIEWER, None),
    *_rules("/api/v1/events/**", VIEWER, None),
    *_rules("/api/v1/series/**", VIEWER, None),
    *_rules("/api/v1/forecasts/**", VIEWER, None),
    *_rules("/api/v1/sources/**", VIEWER, None),
    *_rules("/api/v1/risk/**", VIEWER, None),
    # Resources of the warn/act/library work, protected before they exist here.
    *_rules("/api/v1/alerts/**", VIEWER, ANALYST),
    *_rules("/api/v1/situations/**", VIEWER, ANALYST),
    *_rules("/api/v1/responses/**", VIEWER, ANALYST),
    *_rules("/api/v1/roster/**", VIEWER, ANALYST),
    *_rules("/api/v1/experts/**", VIEWER, ANALYST),
    *_rules("/api/v1/funds/**", VIEWER, ANALYST),
    *_rules("/api/v1/partners/**", VIEWER, ANALYST),
    *_rules("/api/v1/library/**", VIEWER, ANALYST),
    *_rules("/api/v1/agreements/**", VIEWER, ANALYST),
    # --- pages -------------------------------------------------------------------
    Rule("/", READ, VIEWER, "redirects to the first page"),
    *_rules("/ingested", VIEWER, None),
    *_rules("/documents/**", VIEWER, None),
    *_rules("/events/**", VIEWER, None),
    *_rules("/forecasts/**", VIEWER, None),
    *_rules("/country/**", VIEWER, None),
    *_rules("/map/**", VIEWER, None),
    *_rules("/watchlist/**", VIEWER, None),
    *_rules("/brief/**", VIEWER, None),
    *_rules("/library/**", VIEWER, ANALYST),
    *_rules("/experts/**", VIEWER, ANALYST),
    *_rules("/alerts/**", VIEWER, ANALYST),
    *_rules("/situations/**", VIEWER, ANALYST),
    *_rules("/roster/**", VIEWER, ANALYST),
    *_rules("/funds/**", VIEWER, ANALYST),
    *_rules("/partners/**", VIEWER, ANALYST),
]


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    parts = []
    for segment in pattern.strip("/").split("/"):
        if segment == "**":
            parts.append(r"(?:/.*)?")
        elif segment == "*":
            parts.append(r"/[^/]+")
        elif segment:
            parts.append("/" + re.escape(segment))
    body = "".join(parts)
    # "/x/**" also matches "/x" itself (the collection route).
    return re.compile("^" + (body or "/") + "$")


def rule_for(template: str, method: str, policy: list[Rule] | None = None) -> Rule | None:
    """The rule that governs ``method`` on the route ``template``, or None (deny)."""
    verb = "GET" if method == "HEAD" else method
    for rule in POLICY if policy is None else policy:
        if verb in rule.methods and _compile(rule.pattern).match(template):
            return rule
    return None
