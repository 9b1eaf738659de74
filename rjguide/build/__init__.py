"""The orchestration: in come a project and a target; out comes exports/, built as a
pipeline of named steps (site, glossary, PDFs, packs, downloads page, publish)."""
