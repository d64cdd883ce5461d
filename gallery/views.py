from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView

from pages.models import Page

from . import kept
from .models import Case, treatments_with_cases
from .storage import private_storage


class CaseListView(ListView):
    """All published cases, or one treatment's when the URL names it."""

    paginate_by = 24
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


@staff_member_required
def kept_photo(request, token):
    """The thumbnail of a photo kept for a form with errors (gallery.kept), for staff only."""
    name = kept.thumbnail_name(token)
    if not name or not private_storage.exists(name):
        raise Http404
    response = FileResponse(private_storage.open(name), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response
