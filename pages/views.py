import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView, TemplateView

from gallery.models import Case
from ops.pagecache import kept_until_next_change

from .models import Page

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Built and read only when their kept fragments are stale (pages/home.html).
        context["treatments"] = SimpleLazyObject(lambda: Page.objects.published().for_listing())
        context["cases"] = SimpleLazyObject(lambda: Case.objects.published().select_related("treatment")[:3])
        return context


class PageListView(ListView):
    # A method, not a class attribute: published() reads the clock when it is called.
    def get_queryset(self):
        return Page.objects.published().for_listing()


class PageDetailView(DetailView):
    def get_queryset(self):
        return Page.objects.published().with_content()

    def get_object(self, queryset=None):
        # Kept like the page's teaser, so a visit runs no query until the next change.
        # A slug not found is never kept.
        read = super().get_object
        return kept_until_next_change(self.request, f"treatment-page:{self.kwargs['slug']}", lambda: read(queryset))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read only when the page's kept teaser is stale (pages/page_detail.html).
        context["cases"] = SimpleLazyObject(self.teaser_cases)
        return context

    def teaser_cases(self):
        cases = list(Case.objects.published().for_treatment(self.object)[:3])
        for case in cases:
            case.treatment = self.object  # already at hand: no join to read the page again
        return cases


class AboutView(TemplateView):
    """The physician and the offices; both come from the clinic context processor."""

    template_name = "pages/about.html"


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain"


class PagePreviewView(PageDetailView):
    """Any page, hidden or a draft, exactly as patients would see it, with a banner.

    Not routed publicly: PageAdmin serves it at /admin/pages/page/<pk>/preview/ after
    checking the user's permission. Subclassing keeps whatever the public view shows.
    """

    get_object = DetailView.get_object  # read at each visit, never kept

    def get_queryset(self):
        return Page.objects.select_related("draft_of").with_content()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = {"edit_url": reverse("admin:pages_page_change", args=[self.object.pk])}
        return context


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    response = redirect(static("img/favicon.png"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


def healthz(request):
    """Answer 200 when the database and the cache answer, else 503 naming what is down;
    for load balancers and uptime checks."""
    down = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: the database is down")
        down.append("database")
    try:
        cache.set("healthz", "ok", 10)
        if cache.get("healthz") != "ok":
            raise RuntimeError("a value written to the cache did not come back")
    except Exception:
        logger.exception("Health check: the cache is down")
        down.append("cache")
    if down:
        return HttpResponse(" and ".join(down) + " down", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
