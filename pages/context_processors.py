from django.templatetags.static import static

from publishing.versions import per_content_version

from .models import ClinicSettings, Location, Physician


def clinic(request):
    """Put the clinic's facts (name, phone, notices, offices, physicians) in every template.

    Every page shows them and only a save changes them, so they are kept per content
    version instead of read at each request.
    """
    return {
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
