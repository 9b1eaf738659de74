"""Django settings of the review server, from the environment.

RJGUIDE_PROJECT_ROOT  the library (set by `rjguide review-server`)
RJGUIDE_REVIEW_DATA   the server's own data: accounts, sessions, lockouts (default: the
                      git-ignored `.review-data/` in the project)
RJGUIDE_REVIEW_DATABASE_URL  postgresql://user:password@host:5432/name for a shared server
                      (default: SQLite in RJGUIDE_REVIEW_DATA)
RJGUIDE_REVIEW_HTTPS  "1" behind an HTTPS proxy: Secure cookies, HSTS, and the proxy's
                      X-Forwarded-Proto trusted
RJGUIDE_REVIEW_HOSTS  the host names it answers to, comma-separated
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.management.utils import get_random_secret_key

PROJECT_ROOT = Path(os.environ.get("RJGUIDE_PROJECT_ROOT", Path.cwd())).resolve()
DATA = Path(os.environ.get("RJGUIDE_REVIEW_DATA", PROJECT_ROOT / ".review-data")).resolve()
DATA.mkdir(parents=True, exist_ok=True, mode=0o700)


def secret_key(folder: Path) -> str:
    """The server's secret, made once and kept beside its data, readable by its owner only."""
    path = folder / "secret-key"
    if not path.is_file():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(get_random_secret_key())
    return path.read_text().strip()


def database(url: str | None) -> dict:
    if not url:
        # WAL: readers never wait for a writer, and a commit is not a full sync of the
        # file; IMMEDIATE: a writing transaction takes the lock at its start, so two
        # processes never deadlock upgrading a read lock.
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA / "review.sqlite3",
                "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE",
                            "init_command": "PRAGMA journal_mode=WAL; "
                                            "PRAGMA synchronous=NORMAL;"}}
    parts = urlparse(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError("RJGUIDE_REVIEW_DATABASE_URL must be postgresql://user:password@host/name")
    return {"ENGINE": "django.db.backends.postgresql", "NAME": parts.path.lstrip("/"),
            "USER": unquote(parts.username or ""), "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "", "PORT": str(parts.port or "")}


SECRET_KEY = secret_key(DATA)
DEBUG = False
HTTPS = os.environ.get("RJGUIDE_REVIEW_HTTPS") == "1"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get(
    "RJGUIDE_REVIEW_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "rjguide.review.server.apps.ReviewServerConfig",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "rjguide.review.server.middleware.ContentSecurityPolicy",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rjguide.review.server.middleware.ReviewerLanguage",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "rjguide.review.server.middleware.SignInRequired",
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend",
                           "django.contrib.auth.backends.ModelBackend"]
ROOT_URLCONF = "rjguide.review.server.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {"default": database(os.environ.get("RJGUIDE_REVIEW_DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "modules"
LANGUAGE_CODE = "en"
USE_I18N = True
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]
# The interface catalogues (locale/<lang>/LC_MESSAGES/review-server.po) compiled at start.
LOCALE_PATHS = [DATA / "locale"]
USE_TZ = True
TIME_ZONE = "Europe/Oslo"
STATIC_URL = "static/"

# Sessions and cookies: never readable by scripts, never sent cross-site.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Lockout (django-axes): 10 failed sign-ins in a row lock the account for an hour, even
# with the right password; a successful sign-in resets the count. By account, not by
# address: the working group signs in from shared office networks, where locking an address
# would lock out everyone behind it (hence axes.W006 is silenced).
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "review/locked.html"
AXES_USERNAME_FORM_FIELD = "username"

LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "root": {"handlers": ["console"], "level": "WARNING"}}
