"""One site per language: alternates and switcher, untranslated text marked, progress shown."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.locale import _
from sphinx.writers.html5 import HTML5Translator

from rjguide.library.labels import language_name, library_title, status_label
from rjguide.library.modules import load_modules
from rjguide.library.project import Project
from rjguide.site.sphinxext.dynamic_pages import page_figures
from rjguide.translation.stats import percent_text

# Sphinx's search has one Norwegian stemmer, filed under "no"; both standards use it.
SEARCH_LANGUAGE = {"nb": "no", "nn": "no"}


def configure_language(app: Sphinx, config: Config) -> None:
    languages = config.rj_languages
    if config.language not in languages:
        raise ConfigError(
            f"unknown language '{config.language}'; the project has {', '.join(languages)}"
        )
    config.rj_source_language = languages[0]
    if config.language != languages[0]:
        config.translation_progress_classes = "untranslated"
    if config.language in SEARCH_LANGUAGE:
        config.html_search_language = SEARCH_LANGUAGE[config.language]


def site_root(pagename: str) -> str:
    """The relative path from a page to the root of the whole site (above the language trees)."""
    return "../" * (pagename.count("/") + 1)


def add_language_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    config = app.config
    root = site_root(pagename)
    context["docstitle"] = context["shorttitle"] = library_title()
    context["rj_site_root"] = root
    context["rj_alternates"] = [
        {
            "code": code,
            "name": language_name(code),
            "href": f"{root}{code}/{pagename}.html",
            "current": code == config.language,
        }
        for code in config.rj_languages
    ]
    context["rj_status_banner"] = status_banner(app, pagename)
    context["rj_progress"] = None
    figures = page_figures(app, pagename) if doctree is not None else None
    if figures is not None and figures.total:
        context["rj_progress"] = {
            "share": figures.share,
            "percent": percent_text(figures.share, config.language),
            "complete": figures.translated == figures.total,
        }


def status_banner(app: Sphinx, pagename: str) -> str | None:
    """The notice on every page of a module the working group has not approved."""
    parts = pagename.split("/")
    if len(parts) < 3 or parts[0] != "modules":
        return None
    if not hasattr(app, "rj_module_status"):
        modules = load_modules(Project.load(Path(app.config.rj_project_root)))[0]
        app.rj_module_status = {module.id: module.status_in(app.config.language)
                                for module in modules}
    status = app.rj_module_status.get(parts[1])
    if status is None or status == "approved":
        return None
    return str(_("%(status)s: this module has not been approved by the working group yet.")
               % {"status": status_label(status)})


def note_module_metadata(app: Sphinx, doctree: nodes.document) -> None:
    """A module page shows its module's status: it depends on the module's front matter."""
    parts = app.env.docname.split("/")
    if len(parts) >= 3 and parts[0] == "modules":
        app.env.note_dependency(str(Path(app.srcdir) / "modules" / parts[1] / "index.md"))


class LanguageAwareTranslator(HTML5Translator):
    """Marks text that is shown in the source language with its language, for screen readers."""

    def starttag(self, node, tagname, suffix="\n", empty=False, **attributes):
        if isinstance(node, nodes.Element) and "untranslated" in node.get("classes", ()):
            attributes.setdefault("lang", self.config.rj_source_language)
        roles = {key.lower(): value for key, value in attributes.items()}
        if roles.get("role") == "heading" and "aria-level" not in roles:
            attributes["aria-level"] = "2"  # toctree captions: a heading needs its level
        if isinstance(node, nodes.Element) and node.get("rj_describedby"):
            attributes["aria-describedby"] = node["rj_describedby"]
        return super().starttag(node, tagname, suffix, empty, **attributes)


def setup(app: Sphinx) -> dict:
    app.add_config_value("rj_languages", ["en"], "env", types=frozenset({list, tuple}))
    app.add_config_value("rj_source_language", "en", "env", types=frozenset({str}))
    app.add_config_value("rj_project_root", "", "env", types=frozenset({str, Path}))
    app.add_config_value("rj_tool_fingerprint", "", "env", types=frozenset({str}))
    app.connect("config-inited", configure_language)
    app.connect("html-page-context", add_language_context)
    app.connect("doctree-read", note_module_metadata)
    for builder in ("html", "dirhtml", "singlehtml"):
        app.set_translator(builder, LanguageAwareTranslator, override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
