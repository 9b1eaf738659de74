"""The working group's review: in come catalogues, the ledger and git history; out go
approvals written to the ledger and side-by-side review documents with word diffs."""
