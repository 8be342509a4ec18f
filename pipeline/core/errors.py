"""The run's own failures, apart from findings about the drafts.

Every stage may raise these; the CLI maps them to exit codes (2 and 3), so no
stage needs to import another stage just for an exception type.
"""

from __future__ import annotations

import traceback
from pathlib import Path

LOG_NAME = "pipeline.log"


class UsageError(Exception):
    """Bad arguments, settings or templates: the run cannot proceed (exit 2)."""


class InternalError(Exception):
    """A bug in the pipeline itself, never a problem of the drafts."""


def save_traceback(outputs: Path) -> Path | None:
    """Keep the current exception's traceback in OUTPUTS/pipeline.log for the
    maintainer; None when even that cannot be written."""
    log = outputs / LOG_NAME
    try:
        outputs.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        return None
    return log
