from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from gallery.models import Case

from .models import Page


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            treatments=Page.objects.published().for_listing(),
            cases=Case.objects.published().select_related("treatment")[:3],
            **kwargs,
        )


class PageListView(ListView):
    # A method, not a class attribute: published() reads the clock when it is called.
    def get_queryset(self):
        return Page.objects.published().for_listing()


class PageDetailView(DetailView):
    def get_queryset(self):
        return Page.objects.published().with_content()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cases=self.object.cases.published()[:3],  # each case's treatment is this page: no join
            toc=self.object.sections.only("heading", "page"),
            **kwargs,
        )


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

    def get_queryset(self):
        return Page.objects.select_related("draft_of").with_content()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = {"edit_url": reverse("admin:pages_page_change", args=[self.object.pk])}
        return context
