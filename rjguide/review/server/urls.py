"""The review server's addresses."""

from pathlib import Path

from django.contrib.auth.views import LogoutView
from django.urls import path, re_path
from django.views.static import serve

from rjguide.review.server import views

STATIC = Path(__file__).parent / "static"

urlpatterns = [
    path("", views.modules, name="modules"),
    path("sign-in/", views.SignIn.as_view(), name="sign-in"),
    path("sign-out/", LogoutView.as_view(next_page="sign-in"), name="sign-out"),
    path("language/", views.interface_language, name="interface-language"),
    path("modules/<slug:module_id>/status/", views.module_status, name="status"),
    path("modules/<slug:module_id>/<slug:language>/", views.module, name="module"),
    path("modules/<slug:module_id>/<slug:language>/decide/", views.decision, name="decide"),
    re_path(r"^static/(?P<path>[\w./-]+)$", serve, {"document_root": STATIC}),
]
