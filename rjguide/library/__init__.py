"""The inputs as data: in come pyproject.toml, source/, glossary/ and locale/; out go
Project, Module, Termbase, catalogues and the approvals ledger, read and validated."""
