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
    # A method, not a class attribute: published() reads the clock when it is called.
    def get_queryset(self):
        return Page.objects.published()


class PageDetailView(DetailView):
    def get_queryset(self):
        return (
            Page.objects.published()
            .select_related("safety_information")
            .prefetch_related("sections__items")
        )


def healthz(request):
    """Answer 200 when the database answers; for load balancers and uptime checks."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
