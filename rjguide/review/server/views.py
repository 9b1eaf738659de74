"""The pages a reviewer opens. Thin: every name in a request is looked up in the library's
own lists before anything is read, and the work is done by the review stage's functions."""

from __future__ import annotations

import os

from django.conf import settings
from django.contrib import messages as notices
from django.contrib.auth.decorators import user_passes_test
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rjguide.findings import BuildError
from rjguide.library.labels import language_name, status_label
from rjguide.library.ledger import State, decision_path, digest, page_tokens, token_of
from rjguide.library.modules import Module
from rjguide.library.roster import Roster
from rjguide.review.commit import commit_decision
from rjguide.review.decide import WITHDRAW, Refused, Seen, decide
from rjguide.review.documents import ReviewDocument, ReviewItem, commit_for, module_pages
from rjguide.review.queue import module_queue
from rjguide.review.server.forms import SignInForm
from rjguide.review.server.library import current_termbase, known_modules, project, review_page
from rjguide.review.server.models import AuditEntry, Reviewer, Role
from rjguide.review.server.rendering import as_readers_see
from rjguide.review.status import move


class SignIn(LoginView):
    form_class = SignInForm
    template_name = "review/sign_in.html"
    redirect_authenticated_user = True


def chosen_language(request: HttpRequest, language: str | None) -> str:
    """A language of the library's own list: the one asked for, else the reviewer's first."""
    languages = project().target_languages
    if language is None:
        mine = getattr(getattr(request.user, "reviewer", None), "languages", "").split()
        language = next((code for code in mine if code in languages), languages[0])
    if language not in languages:
        raise Http404("no such language")
    return language


def language_choices(current: str) -> list[dict]:
    return [{"code": code, "name": language_name(code), "current": code == current}
            for code in project().target_languages]


FILTERS = {
    "waiting": (gettext_lazy("Waiting for me"), lambda q: q.waiting_for_me > 0),
    "changed": (gettext_lazy("Changed since approval"), lambda q: q.count(State.CHANGED) > 0),
    "requested": (gettext_lazy("Changes requested"), lambda q: q.count(State.REQUESTED) > 0),
}
STATE_LABELS = {
    State.UNTRANSLATED: gettext_lazy("not translated yet"), State.FUZZY: gettext_lazy("fuzzy"),
    State.TRANSLATED: gettext_lazy("translated"), State.APPROVED: gettext_lazy("approved"),
    State.CHANGED: gettext_lazy("changed since approval"),
    State.REQUESTED: gettext_lazy("changes requested"),
    State.ANSWERED: gettext_lazy("request answered"),
}
DECISION_LABELS = {"approved": gettext_lazy("approved"),
                   "changes-requested": gettext_lazy("asks for a change"),
                   "comment": gettext_lazy("comment")}


def modules(request: HttpRequest) -> HttpResponse:
    language = chosen_language(request, request.GET.get("language"))
    shown = request.GET.get("show", "")
    if shown and shown not in FILTERS:
        raise Http404("no such filter")
    roster = Roster.load(project())
    account = getattr(getattr(request.user, "reviewer", None), "handle", None)
    queues = [module_queue(project(), m, language, roster, account)
              for m in known_modules().values()]
    if shown:
        queues = [q for q in queues if FILTERS[shown][1](q)]
    entries = [{"module": q.module, "status": status_label(q.module.status_in(language), _),
                "queue": q,
                "untranslated": q.count(State.UNTRANSLATED) + q.count(State.FUZZY),
                "translated": q.count(State.TRANSLATED), "approved": q.count(State.APPROVED),
                "requested": q.count(State.REQUESTED), "changed": q.count(State.CHANGED)}
               for q in queues]
    return render(request, "review/modules.html", {
        "language": language, "language_name": language_name(language),
        "languages": language_choices(language), "modules": entries, "shown": shown,
        "filters": [{"key": k, "label": label, "current": k == shown}
                    for k, (label, _) in FILTERS.items()]})


def module(request: HttpRequest, module_id: str, language: str) -> HttpResponse:
    found = known_modules().get(module_id)
    if found is None:
        raise Http404("no such module")
    language = chosen_language(request, language)
    termbase = current_termbase()

    def term_text(concept_id: str) -> str:
        concept = termbase.get(concept_id)
        return concept.entry(project().source_language).preferred.text if concept else concept_id

    since = request.GET.get("since", "").strip()
    if since:
        try:
            since_commit = commit_for(project(), since)
        except BuildError as error:
            notices.error(request, error.findings[0].message.replace("--since ", ""))
            since, since_commit = "", None
    # The server's accounts are the authority: a decision by an account it does not have is
    # not valid here, whatever the roster in the repository says.
    accounts = set(Reviewer.objects.values_list("handle", flat=True))
    document, shown = review_page(found, language, since_commit if since else None, accounts,
                                  lambda document: page_items(document, language, term_text))
    reviewer = getattr(request.user, "reviewer", None)
    items = [{**entry, "mine": next((d for d in entry["item"].decisions
                                     if reviewer is not None and d.account == reviewer.handle),
                                    None)} if "item" in entry else entry for entry in shown]
    return render(request, "review/module.html", {
        "module": found, "language": language, "language_name": language_name(language),
        "decide_url": reverse("decide", args=(found.id, language)),
        "may_decide": reviewer is not None and reviewer.decides_for(language),
        "may_comment": reviewer is not None,   # an author leaves notes, decides nothing
        "is_admin": is_admin(request.user),
        "status": status_label(found.status_in(language), _),
        "invalid": document.invalid, "since": since,
        "title": as_readers_see(document.title, term_text), "items": items,
        "counts": [(STATE_LABELS[state], n) for state, n in sorted(
            document.counts().items(), key=lambda pair: list(State).index(pair[0]))]})


def page_items(document: ReviewDocument, language: str, term_text) -> list[dict]:
    """The messages and notes of a review document as the page shows them, the same for
    every reviewer (what is theirs is added per request)."""
    items, tokens, no_decision = [], {}, token_of([])
    for item in document.items:
        if not isinstance(item, ReviewItem):
            items.append({"note": item})
            continue
        if item.docname not in tokens:
            tokens[item.docname] = page_tokens(project(), language, item.docname)
        message = digest(item.source)
        # What the reviewer sees of a message, sent back with a decision: page, source,
        # translation and ledger, so that a change in between is noticed.
        seen = "|".join((item.docname, message, digest(item.translation),
                         tokens[item.docname].get(message[:16], no_decision)))
        items.append({"item": item, "source": as_readers_see(item.source, term_text),
                      "translation": as_readers_see(item.translation, term_text),
                      "state": str(item.state), "state_label": STATE_LABELS[item.state],
                      "seen": seen,
                      "decisions": [{"name": d.name, "label": DECISION_LABELS[str(d.kind)],
                                     "comment": d.comment,
                                     "at": localtime(d.at).strftime("%Y-%m-%d %H:%M")}
                                    for d in item.decisions]})
    return items


def read_seen(module: Module, value: str) -> tuple[str, str, Seen]:
    parts = value.split("|")
    if len(parts) != 4 or parts[0] not in module_pages(project(), module):
        raise Http404("no such message")
    docname, message, translation, ledger = parts
    return docname, message, Seen(message, translation, ledger)


@require_POST
def decision(request: HttpRequest, module_id: str, language: str) -> HttpResponse:
    found = known_modules().get(module_id)
    if found is None:
        raise Http404("no such module")
    language = chosen_language(request, language)
    reviewer = getattr(request.user, "reviewer", None)
    back = reverse("module", args=(module_id, language))
    if reviewer is None:
        notices.error(request, _("This account has no reviewer's role."))
        return redirect(back)
    kind = request.POST.get("decision", "")
    seen_values = request.POST.getlist("seen")
    if kind == "approve-read":
        return approve_read(request, found, language, reviewer, seen_values, back)
    docname, message, seen = read_seen(found, seen_values[0] if seen_values else "")
    if kind not in ("approved", "changes-requested", "comment", WITHDRAW):
        raise Http404("no such decision")
    try:
        decide(project(), language, docname, message, kind, reviewer.roster_entry(),
               current_termbase(), request.POST.get("comment", ""), seen)
    except Refused as why:
        notices.error(request, _("Not recorded: %(why)s") % {"why": why})
    else:
        AuditEntry.objects.create(account=request.user, action=kind,
                                  detail=f"{language} {docname} {message}")
        record_in_git([decision_path(project(), language, docname, message,
                                     reviewer.handle)], reviewer,
                      f"Review: {reviewer.name}: {kind} {language} {docname}@{message[:12]}")
        notices.success(request, {"approved": _("Approved."),
                                  "changes-requested": _("Change requested."),
                                  "comment": _("Comment recorded."),
                                  WITHDRAW: _("Your decision is withdrawn.")}[kind])
    return redirect(f"{back}#d{message[:12]}")


def approve_read(request, module: Module, language: str, reviewer, seen_values: list[str],
                 back: str) -> HttpResponse:
    """Approves the messages that were on the screen, none that is fuzzy or fails a check."""
    termbase = current_termbase()
    approved = refused = 0
    written = []
    for value in seen_values:
        docname, message, seen = read_seen(module, value)
        try:
            decide(project(), language, docname, message, "approved", reviewer.roster_entry(),
                   termbase, seen=seen)
            approved += 1
            written.append(decision_path(project(), language, docname, message,
                                         reviewer.handle))
        except Refused:
            refused += 1
    AuditEntry.objects.create(account=request.user, action="approve-read",
                              detail=f"{language} {module.id}: {approved} approved")
    record_in_git(written, reviewer, f"Review: {reviewer.name}: approved {approved} messages "
                  f"of {module.id} in {language}")
    notices.info(request, _("Approved %(approved)d messages; %(refused)d were left as they "
                            "are (not translated, fuzzy, failing a check, or changed since "
                            "you opened the page).") % {"approved": approved,
                                                         "refused": refused})
    return redirect(back)


def is_admin(user) -> bool:
    reviewer = getattr(user, "reviewer", None)
    return reviewer is not None and reviewer.role == Role.ADMIN


@require_POST
@user_passes_test(is_admin, login_url="sign-in")
def module_status(request: HttpRequest, module_id: str) -> HttpResponse:
    """An administrator moves a module: draft, review, approved (only as the ledger allows)."""
    if module_id not in known_modules():
        raise Http404("no such module")
    status = request.POST.get("status", "")
    if status not in ("draft", "review", "approved", "approved-language", "review-language"):
        raise Http404("no such status")
    language = chosen_language(request, request.POST.get("language"))
    alone = language if status.endswith("-language") else None
    try:
        moved = move(project(), module_id, status.removesuffix("-language"), None, None, alone)
    except BuildError as error:
        notices.error(request, _("Not moved: %(why)s") % {
            "why": "; ".join(f.message for f in error.findings)})
    else:
        AuditEntry.objects.create(account=request.user, action="status",
                                  detail=f"{module_id} {moved.status}")
        notices.success(request, _("The module is now %(status)s.") % {
            "status": status_label(moved.status_in(language), _)})
    return redirect(reverse("module", args=(module_id, language)))


@require_POST
def interface_language(request: HttpRequest) -> HttpResponse:
    """The reviewer's choice of the language of the pages: nb, nn or en."""
    code = request.POST.get("language", "")
    if code not in dict(settings.LANGUAGES):
        raise Http404("no such language")
    reviewer = getattr(request.user, "reviewer", None)
    if reviewer is not None:
        reviewer.interface_language = code
        reviewer.save(update_fields=["interface_language"])
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = reverse("modules")
    return redirect(target)


def record_in_git(paths, reviewer, summary: str) -> None:
    """With `--commit`, the decision also becomes a git commit authored as the reviewer."""
    if os.environ.get("RJGUIDE_REVIEW_COMMIT") != "1" or not paths:
        return
    commit_decision(project(), paths, reviewer.roster_entry(), summary,
                    settings.DATA / "git.lock")

