"""Write pipeline/data/font_widths.json: the advance widths (in 1/1000 em) of
the characters the documents print, from Laksaman — the metric-compatible
free twin of TH Sarabun, which LibreOffice substitutes for "TH Sarabun New"
and Word prints with. The line breaker sizes words against table cells with
them. python -m tools.font_widths [FONT_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "font_widths.json"
CHARS = [*range(0x20, 0x7F), 0xA0, *range(0x0E01, 0x0E5C)]


def widths(path: Path) -> dict[str, int]:
    font = TTFont(str(path))
    cmap, metrics, em = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    return {chr(c): round(metrics[cmap[c]][0] * 1000 / em) for c in CHARS if c in cmap}


def main(folder: str = "/usr/share/fonts/truetype/tlwg") -> None:
    base = Path(folder)
    data = {"regular": widths(base / "Laksaman.ttf"), "bold": widths(base / "Laksaman-Bold.ttf")}
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data['regular'])} characters)")


if __name__ == "__main__":
    main(*sys.argv[1:])
