"""Who may review what: a reviewer is a Django account with the languages it decides for
and a role, and every action on the server leaves a line in the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    REVIEWER = "reviewer", "Reviewer"     # decides for their languages
    AUTHOR = "author", "Author"           # leaves notes
    ADMIN = "admin", "Administrator"      # manages accounts and module status


class Reviewer(models.Model):
    account = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="reviewer")
    name = models.CharField(max_length=200)            # the display name in the ledger
    handle = models.SlugField(max_length=100, unique=True)   # the account in the roster
    languages = models.CharField(max_length=100, blank=True)   # "nb nn"
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.REVIEWER)
    interface_language = models.CharField(max_length=10, blank=True)   # "" → the browser's

    def decides_for(self, language: str) -> bool:
        return self.role != Role.AUTHOR and language in self.languages.split()

    def roster_entry(self):
        from rjguide.library.roster import RosterEntry

        return RosterEntry(self.handle, self.name, tuple(self.languages.split())
                           if self.role != Role.AUTHOR else ())

    def __str__(self) -> str:
        return f"{self.name} <{self.account.email}>"


class AuditEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True)
    account = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=50)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ("-at",)
