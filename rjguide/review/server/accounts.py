"""Reviewers' accounts: plain functions the command line and the tests call. The passwords
are Django's: validated by its validators, hashed by its hashers."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction

from rjguide.library.project import Project
from rjguide.library.roster import Roster
from rjguide.review.server.models import Reviewer, Role


class AccountError(Exception):
    """Why an account cannot be made or changed, in the words of the person asking."""


@dataclass(frozen=True)
class Account:
    email: str
    name: str
    languages: tuple[str, ...]
    role: str


def add_reviewer(project: Project, name: str, email: str, languages: list[str], password: str,
                 role: str = Role.REVIEWER) -> Account:
    """An account on the server, and its entry in the roster of the repository."""
    known_languages = project.target_languages
    email = email.strip().lower()
    if not name.strip():
        raise AccountError("the name is empty; give the reviewer's name as readers should see "
                           "it in the record, e.g. \"Kari Nordmann\"")
    if "@" not in email:
        raise AccountError(f"'{email}' is not an email address")
    unknown = [code for code in languages if code not in known_languages]
    if unknown:
        raise AccountError(f"no language {', '.join(unknown)} in the library; the languages to "
                           f"review are {', '.join(known_languages)}")
    if role == Role.REVIEWER and not languages:
        raise AccountError("a reviewer needs at least one --language to decide for")
    users = get_user_model()
    if users.objects.filter(username=email).exists():
        raise AccountError(f"there is already an account for {email}")
    user = users(username=email, email=email, is_staff=role == Role.ADMIN)
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise AccountError("the password is not good enough: " + " ".join(error.messages)) \
            from None
    user.set_password(password)
    roster = Roster.load(project)
    with transaction.atomic():
        user.save()
        entry = roster.add(name.strip(), languages if role != Role.AUTHOR else [])
        Reviewer.objects.create(account=user, name=name.strip(), languages=" ".join(languages),
                                role=role, handle=entry.account)
    return Account(email, name.strip(), tuple(languages), role)


def list_reviewers() -> list[Account]:
    return [Account(r.account.email, r.name, tuple(r.languages.split()), r.role)
            for r in Reviewer.objects.select_related("account").order_by("name")]


def remove_reviewer(project: Project, email: str) -> None:
    """The account can no longer sign in; the roster keeps its name for what it decided."""
    reviewer = Reviewer.objects.filter(account__username=email.strip().lower()).first()
    if reviewer is None:
        raise AccountError(f"there is no account for {email}")
    roster = Roster.load(project)
    if roster.get(reviewer.handle) is not None:
        roster.remove(reviewer.handle)
    reviewer.account.delete()
