"""Two rules for every response: the Content-Security-Policy, and no page without a session
but the sign-in page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils import translation

POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


class ContentSecurityPolicy:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response


class SignInRequired:
    """Every page but the sign-in page (and its stylesheet) redirects there without a session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        open_paths = {reverse("sign-in")}
        if not request.user.is_authenticated and request.path not in open_paths and \
                not request.path.startswith("/" + settings.STATIC_URL):
            return redirect_to_login(request.get_full_path(), reverse("sign-in"))
        return self.get_response(request)


class ReviewerLanguage:
    """The pages in the language the reviewer chose; before sign-in, the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = getattr(getattr(request.user, "reviewer", None), "interface_language", "")
        if chosen and chosen in dict(settings.LANGUAGES):
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
