import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.generic import DetailView, ListView, TemplateView

from .models import Page


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["treatments"] = Page.objects.published()
        return context


class PageListView(ListView):
    queryset = Page.objects.published()


class PageDetailView(DetailView):
    def get_queryset(self):
        return Page.objects.published().prefetch_related("sections__items")


def healthz(request):
    """Answer 200 when the database and the cache answer, else 503 naming what is down;
    for load balancers and uptime checks."""
    down = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logging.getLogger(__name__).exception("Health check: the database is down")
        down.append("database")
    try:
        cache.set("healthz", "ok", 10)
        if cache.get("healthz") != "ok":
            raise RuntimeError("a value written to the cache did not come back")
    except Exception:
        logging.getLogger(__name__).exception("Health check: the cache is down")
        down.append("cache")
    if down:
        return HttpResponse(" and ".join(down) + " down", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
