"""The project file and what every other package shares: groups, catalogue, ids, progress.

No Qt here (see docs/architecture.md): this package is driven by the command line,
the tests and the desktop alike.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import (  # noqa: E402
    DamagedProjectError,
    HuizhiError,
    NewerSchemaError,
    NotAProjectError,
    ProjectError,
    ValidationError,
)
from .progress import Cancelled, Progress, no_progress, sub_progress  # noqa: E402
from .project import SUFFIX, Project, create_project, open_project  # noqa: E402
from .text import LocalText  # noqa: E402

__all__ = [
    "Cancelled",
    "DamagedProjectError",
    "HuizhiError",
    "LocalText",
    "NewerSchemaError",
    "NotAProjectError",
    "Progress",
    "Project",
    "ProjectError",
    "SUFFIX",
    "ValidationError",
    "create_project",
    "no_progress",
    "open_project",
    "sub_progress",
]
