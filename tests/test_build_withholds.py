"""A build never renders a translation the checks reject: it warns, with the same
diagnostics, and shows the source text instead."""

from __future__ import annotations

from rjguide.build.site import build_html


def test_a_rejected_translation_is_left_untranslated_with_a_warning(fixture_project):
    po = fixture_project.catalog_path("nb", "modules/demo/index")
    po.write_text(po.read_text().replace(
        'msgstr "Det første avsnittet er oversatt."',
        'msgstr "1. Det første avsnittet er oversatt."'))
    findings = build_html(fixture_project)
    assert [f.check for f in findings] == ["block-structure"]
    assert findings[0].severity == "warning"
    assert findings[0].path == "locale/nb/LC_MESSAGES/modules/demo/index.po"
    assert "left untranslated" in findings[0].message
    page = (fixture_project.site_dir / "nb" / "modules" / "demo" / "index.html").read_text()
    assert '<p class="untranslated" lang="en">The first paragraph is translated.</p>' in page
