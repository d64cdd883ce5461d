"""The WSGI application gunicorn serves: Django, behind the page cache's fast path."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings")
django_application = get_wsgi_application()  # sets Django up: models can be imported now

from ops.pagecache import serve_cached_pages  # noqa: E402

application = serve_cached_pages(django_application)
