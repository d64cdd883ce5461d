import logging

from django.conf import settings
from django.core.mail import send_mail

from pages.models import ClinicSettings

logger = logging.getLogger(__name__)


def notify_clinic(*, consultation, admin_url):
    """Tell the clinic a request came in. The email carries no name, contact details,
    treatment or message, only a link to the request in the admin, where staff log in."""
    recipient = ClinicSettings.load().notification_email or settings.DEFAULT_FROM_EMAIL
    office = consultation.location.name if consultation.location else "no preference"
    try:
        send_mail(
            subject=f"New consultation request #{consultation.pk}",
            message=(
                "A new consultation request came in through the website.\n\n"
                f"Preferred office: {office}\n"
                f"Open it in the admin: {admin_url}\n\n"
                "For the patient's privacy this email carries no contact or health details.\n"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[recipient],
        )
    except OSError:  # smtplib's errors are OSErrors too
        # The request is saved and listed in the admin; a mail outage must not make the
        # patient think it failed and send it again.
        logger.exception("Could not email the clinic about consultation request %s", consultation.pk)
