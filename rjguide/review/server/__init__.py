"""The review server: in come the catalogues, the sources and the reviewers' requests in a
browser; out go the pages the working group reviews on (decisions come next: see
CONTRIBUTING.md). A Django app: its auth, sessions, CSRF and admin, django-axes lockout."""
