"""All ORM models. Importing this package registers every table on ``Base.metadata``.

Each stage owns one module; add a new module here when a stage needs tables.
"""

from wiqaya.store.models import act, assess, read, remember, security, sift, warn
from wiqaya.store.models.base import Base

__all__ = ["Base", "act", "assess", "read", "remember", "security", "sift", "warn"]
