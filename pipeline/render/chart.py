"""The one module that talks to matplotlib: the completion chart of the
follow-up report, drawn with a Thai font (never matplotlib's default, which
has no Thai glyphs and would print boxes)."""

from __future__ import annotations

import io
from functools import cache

STATUS_COLOURS = {
    "done": "#2e7d32",
    "in_progress": "#f9a825",
    "not_started": "#9e9e9e",
    "cancelled": "#c62828",
    "unreported": "#e0e0e0",
}
THAI_FONTS = (
    "TH Sarabun New",
    "TH SarabunPSK",
    "Sarabun",
    "Laksaman",
    "Garuda",
    "Loma",
    "Noto Sans Thai",
    "Tahoma",
    "Leelawadee UI",
)


@cache
def _thai_font() -> str | None:
    """A font file with Thai glyphs: the official face first, then the TLWG fonts Linux has."""
    from matplotlib import font_manager

    # the upright regular face of each family (the TLWG families also ship Bold, Oblique, ...)
    by_name = {
        f.name: f.fname
        for f in font_manager.fontManager.ttflist
        if f.style == "normal" and f.weight in (400, "normal", "regular")
    }
    for name in THAI_FONTS:
        if name in by_name:
            return by_name[name]
    return None


def completion_chart(rows: list[tuple[str, dict[str, float]]], labels: dict[str, str], title: str) -> bytes:
    """A horizontal stacked bar a ยุทธศาสตร์: the share (%) of its projects in
    each status; ``labels`` names the statuses in Thai. PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.font_manager import FontProperties

    path = _thai_font()
    font = FontProperties(fname=path, size=15) if path else FontProperties(size=12)
    small = FontProperties(fname=path, size=13) if path else FontProperties(size=10)
    labels_ = [_wrapped(name, 34) for name, _ in rows]
    lines = max((label.count("\n") + 1 for label in labels_), default=1)
    height = 2.4 + max(0.75, 0.3 * lines) * max(len(rows), 1)  # room for each name's lines
    fig, ax = plt.subplots(figsize=(9, height), dpi=150)
    names = [name for name, _ in rows][::-1]
    left = [0.0] * len(rows)
    for status, colour in STATUS_COLOURS.items():
        values = [shares.get(status, 0.0) for _, shares in rows][::-1]
        ax.barh(names, values, left=left, color=colour, label=labels.get(status, status), edgecolor="white")
        for i, v in enumerate(values):
            if v >= 8:
                ax.text(
                    left[i] + v / 2,
                    i,
                    f"{v:.0f}%",
                    ha="center",
                    va="center",
                    fontproperties=small,
                    color="white" if status != "unreported" else "black",
                )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_xlim(0, 100)
    ax.set_xlabel("ร้อยละของจำนวนโครงการ", fontproperties=small)
    # Long strategy names in two or three lines, so the axes keep their width and the title its room.
    ax.set_yticks(range(len(names)), labels_[::-1])
    for tick in ax.get_yticklabels():
        tick.set_fontproperties(small)
    ax.spines[["top", "right"]].set_visible(False)
    handles, names_ = ax.get_legend_handles_labels()
    fig.legend(handles, names_, prop=small, ncol=3, loc="lower center", frameon=False)
    # The title over the whole figure, not the axes: never pushed past the edge by long labels.
    fig.suptitle(_wrapped(title, 70), fontproperties=font)
    fig.tight_layout(rect=(0, 1.0 / height, 1, 1))  # the legend's two lines (about an inch) below the axes
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})  # no version stamp: the same data give the same image
    plt.close(fig)
    return buf.getvalue()


def _wrapped(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` characters, broken between words
    (Thai has no spaces between them: the segmenter finds them)."""
    from ..core.thai import words

    lines = [""]
    for word in words(text):
        if lines[-1] and len(lines[-1]) + len(word) > width:
            lines.append("")
        lines[-1] += word if lines[-1] or not word.isspace() else ""
    if len(lines) > 1 and len(lines[-1].strip()) < 6:  # no word of two letters alone on the last line
        last = lines.pop()
        lines[-1] += last
    return "\n".join(line.strip() for line in lines)
