from .models import ClinicSettings


def clinic(request):
    """Put the clinic's facts (name, phone, notices) in every template."""
    return {"clinic": ClinicSettings.load()}
