"""python -m tools.templates [DIR]: write every shipped Word template (default
templates/). The templates are built from the pieces in make_templates and
amendment_template; after that they are the users' documents."""

from __future__ import annotations

import sys
from pathlib import Path

from tools.amendment_template import amendment_template
from tools.make_templates import announcement_template, form_template, plan_template, progress_template, tracking_template


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    plan_template(out)
    announcement_template(out)
    amendment_template(out)
    form_template(out)
    tracking_template(out)
    progress_template(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "templates")
