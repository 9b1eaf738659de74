"""The WSGI application, for gunicorn: `gunicorn rjguide.review.server.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rjguide.review.server.settings")
application = get_wsgi_application()
