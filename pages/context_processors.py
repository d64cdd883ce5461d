from ops.pagecache import per_content_version

from .models import ClinicSettings


def clinic(request):
    """Put the clinic's facts (name, phone, notices) in every template."""
    return {"clinic": per_content_version(request, "clinic", ClinicSettings.load)}
