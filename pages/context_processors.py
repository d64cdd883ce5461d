import functools

from django.templatetags.static import static

from ops.pagecache import content_version, page_timeout, per_content_version

from .models import ClinicSettings, Location, Physician


def clinic(request):
    """Put the clinic's facts (name, phone, notices, offices) in every template.

    They change rarely and appear on every page, so each process reads them once per
    content version instead of once per request.
    """
    return {
        "content_version": content_version(request),  # what {% cache %} fragments vary on
        # How long a fragment that also follows the clock (a treatment list, the gallery's
        # filter) may be kept: until the next scheduled change or midnight. A callable, so
        # only templates that use it work it out.
        "schedule_seconds": functools.partial(page_timeout, request),
        "clinic": per_content_version(request, "clinic", ClinicSettings.load),
        "locations": per_content_version(request, "locations", lambda: list(Location.objects.all())),
        "physicians": per_content_version(request, "physicians", lambda: list(Physician.objects.all())),
    }


def seo(request):
    """Absolute addresses that search engines and link previews need."""
    return {
        "canonical_url": request.build_absolute_uri(request.path),
        "share_image_url": request.build_absolute_uri(static("img/og-default.png")),
    }
