"""Small SVG badges of translation progress, one per module and language."""

from __future__ import annotations

from xml.sax.saxutils import escape

CHAR_WIDTH = 7  # px per character at 11 px DejaVu Sans: close enough for short labels


def colour(share: float) -> str:
    # All three carry white text at a contrast of at least 4.5:1.
    if share >= 1:
        return "#1d6b2f"
    return "#8a4b00" if share >= 0.5 else "#b00020"


def badge_svg(label: str, value: str, share: float) -> str:
    left = CHAR_WIDTH * len(label) + 12
    right = CHAR_WIDTH * len(value) + 12
    width = left + right
    title = escape(f"{label}: {value}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
        f'aria-label="{title}">\n'
        f"  <title>{title}</title>\n"
        f'  <rect width="{left}" height="20" fill="#3b3b3b"/>\n'
        f'  <rect x="{left}" width="{right}" height="20" fill="{colour(share)}"/>\n'
        f'  <g fill="#fff" font-family="DejaVu Sans,Verdana,sans-serif" font-size="11" '
        f'text-anchor="middle">\n'
        f'    <text x="{left / 2}" y="14">{escape(label)}</text>\n'
        f'    <text x="{left + right / 2}" y="14">{escape(value)}</text>\n'
        f"  </g>\n</svg>\n"
    )
