"""The run's own failures, apart from findings about the drafts.

Every stage may raise these; the CLI maps them to exit codes (2 and 3), so no
stage needs to import another stage just for an exception type.
"""

from __future__ import annotations


class UsageError(Exception):
    """Bad arguments, settings or templates: the run cannot proceed (exit 2)."""


class InternalError(Exception):
    """A bug in the pipeline itself, never a problem of the drafts."""
