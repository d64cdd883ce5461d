from django.templatetags.static import static

from .models import ClinicSettings, Location, Physician


def clinic(request):
    """Put the clinic's facts (name, phone, notices, offices) in every template."""
    return {
        "clinic": ClinicSettings.load(),
        # Lazy: only pages that show them (footer, structured data) run the query.
        "locations": Location.objects.all(),
        "physicians": Physician.objects.all(),
    }


def seo(request):
    """Absolute addresses that search engines and link previews need."""
    return {
        "canonical_url": request.build_absolute_uri(request.path),
        "share_image_url": request.build_absolute_uri(static("img/og-default.png")),
    }
