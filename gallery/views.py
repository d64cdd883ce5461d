from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from ops.pagecache import kept_until_next_change
from pages.models import Page

from .models import Case, treatments_with_cases
from .storage import private_storage


class FirstPageCountsItself(Paginator):
    """Django's Paginator without its COUNT query while every case fits on the first page,
    as in most clinics' galleries: that page is read with one row more than it shows, and
    when that row is missing, what came back is the count."""

    def page(self, number):
        if number != 1:
            return super().page(number)
        rows = list(self.object_list[: self.per_page + self.orphans + 1])
        if len(rows) > self.per_page + self.orphans:
            rows = rows[: self.per_page]  # more pages: counted with a query, as Django does
        else:
            self.count = len(rows)
        return self._get_page(rows, 1, self)


class CaseListView(ListView):
    """All published cases, or one treatment's when the URL names it."""

    paginate_by = 24
    paginator_class = FirstPageCountsItself
    treatment = None

    def get(self, request, *args, **kwargs):
        slug = kwargs.get("slug") or request.GET.get("treatment")
        if slug:
            self.treatment = get_object_or_404(Page.objects.published(), slug=slug)
        if "slug" not in kwargs and self.treatment:
            # /gallery/?treatment=botox keeps working, but /gallery/botox/ is the address.
            return redirect("gallery:treatment", slug=self.treatment.slug)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        cases = Case.objects.published().select_related("treatment")
        return cases.for_treatment(self.treatment) if self.treatment else cases

    def get_context_data(self, **kwargs):
        return super().get_context_data(treatment=self.treatment, treatments=treatments_with_cases(), **kwargs)

    def paginate_queryset(self, queryset, page_size):
        # Each page's cases are kept like the treatment page's teaser, so a visit runs no
        # query until the next change. A page number not found is never kept.
        number = str(self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1)
        if not (number.isdigit() and len(number) <= 4):  # "last", or a 404
            return super().paginate_queryset(queryset, page_size)

        def read():
            paginator, page, cases, _ = super(CaseListView, self).paginate_queryset(queryset, page_size)
            treatments = {}
            for case in cases:  # one copy of each treatment's row is kept, not one per case
                case.treatment = treatments.setdefault(case.treatment_id, case.treatment)
            return list(cases), paginator.count

        treatment = self.treatment.pk if self.treatment else "all"
        cases, count = kept_until_next_change(self.request, f"gallery-page:{treatment}:{number}", read)
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=self.get_allow_empty()
        )
        paginator.count = count  # as counted when the page was read: no COUNT query
        page = paginator._get_page(cases, int(number), paginator)
        return paginator, page, cases, page.has_other_pages()


class CaseDetailView(DetailView):
    def get_queryset(self):
        return Case.objects.visible_to(self.request.user).select_related("treatment", "authorization")


def case_image(request, pk, name):
    """Serve one rendition, only while its case is visible to this visitor.

    Renditions live in private storage, so this check cannot be bypassed by a web
    server location; behind nginx this view can hand the bytes over with
    X-Accel-Redirect instead of reading them itself.
    """
    case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
    rendition = case.rendition(name)
    if rendition is None:
        raise Http404("No such image.")
    if settings.PRIVATE_MEDIA_ACCEL_PREFIX:
        # nginx sends the file from an internal location once this check has passed.
        response = HttpResponse(content_type=rendition["type"])
        response["X-Accel-Redirect"] = settings.PRIVATE_MEDIA_ACCEL_PREFIX + rendition["name"]
    else:
        try:
            file = private_storage.open(rendition["name"])
        except FileNotFoundError:
            raise Http404("No such image.")
        response = FileResponse(file, content_type=rendition["type"])
    response["X-Content-Type-Options"] = "nosniff"
    # Names are never reused, so browsers may keep a published image; a short max-age
    # lets an unpublished or expired case drop out of shared caches within minutes.
    # Staff previews stay private.
    response["Cache-Control"] = "private, no-store" if request.user.is_authenticated else "public, max-age=300"
    return response
