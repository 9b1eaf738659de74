"""The review server as a Django app."""

from django.apps import AppConfig


class ReviewServerConfig(AppConfig):
    name = "rjguide.review.server"
    label = "review"
    verbose_name = "Review of translations"
    default_auto_field = "django.db.models.BigAutoField"
