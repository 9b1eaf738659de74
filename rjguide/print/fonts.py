"""The fonts the printed documents declare: each a file from a Debian package, embedded.

A font that cannot be loaded stops the build; WeasyPrint would otherwise fall back to
whatever the machine has, without a word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

from rjguide.findings import BuildError, Finding

NOTO = Path("/usr/share/fonts/truetype/noto")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# Characters every declared text font must have: Norwegian letters and the marks used.
REQUIRED = "æøåÆØÅ«»–‐—’“”…"


@dataclass(frozen=True)
class Font:
    family: str
    weight: int
    style: str
    path: Path
    package: str


FONTS = (
    Font("Noto Sans", 400, "normal", NOTO / "NotoSans-Regular.ttf", "fonts-noto-core"),
    Font("Noto Sans", 700, "normal", NOTO / "NotoSans-Bold.ttf", "fonts-noto-core"),
    Font("Noto Sans", 400, "italic", NOTO / "NotoSans-Italic.ttf", "fonts-noto-core"),
    Font("Noto Sans", 700, "italic", NOTO / "NotoSans-BoldItalic.ttf", "fonts-noto-core"),
    Font("DejaVu Sans Mono", 400, "normal", DEJAVU / "DejaVuSansMono.ttf", "fonts-dejavu-core"),
    Font("DejaVu Sans Mono", 700, "normal", DEJAVU / "DejaVuSansMono-Bold.ttf",
         "fonts-dejavu-core"),
)
FAMILIES = tuple(dict.fromkeys(font.family for font in FONTS))
# PostScript names as pdffonts shows them (after the subset prefix).
POSTSCRIPT_PREFIXES = ("NotoSans", "DejaVuSansMono")


def check_fonts(fonts: tuple[Font, ...] = FONTS) -> list[Finding]:
    findings = []
    for font in fonts:
        try:
            cmap = TTFont(font.path, lazy=True).getBestCmap()
        except (OSError, TTLibError) as exc:
            findings.append(Finding(str(font.path), None, "error", "font",
                                    f"{font.family} cannot be loaded ({exc}); install the "
                                    f"Debian package {font.package}"))
            continue
        if font.family != "DejaVu Sans Mono":
            missing = [c for c in REQUIRED if ord(c) not in cmap]
            if missing:
                findings.append(Finding(str(font.path), None, "error", "font",
                                        f"{font.family} lacks {''.join(missing)}"))
    return findings


def require_fonts(fonts: tuple[Font, ...] = FONTS) -> None:
    findings = check_fonts(fonts)
    if findings:
        raise BuildError(findings)


def font_face_css(fonts: tuple[Font, ...] = FONTS) -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{f.family}"; font-weight: {f.weight}; '
        f'font-style: {f.style}; src: url("{f.path.as_uri()}"); }}'
        for f in fonts)
