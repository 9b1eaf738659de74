"""Checks on sources and catalogues, one file per family; each returns findings."""
