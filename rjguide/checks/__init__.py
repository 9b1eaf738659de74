"""Checks: in come catalogue entries, sources and the termbase; out come findings, one
file per family of checks, run by one loop (runner.py)."""
