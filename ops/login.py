"""Staff login without dead ends: a warning before the lockout, and a lockout page that says
how long it lasts and whom to ask (django-axes does the counting)."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.shortcuts import render

from pages.models import ClinicSettings


def lockout_duration():
    cool_off = settings.AXES_COOLOFF_TIME  # hours
    return f"{cool_off} hour{'s' if cool_off != 1 else ''}"


class StaffLoginForm(AdminAuthenticationForm):
    """The admin's login form, warning on the last try before axes locks the account."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            username = self.cleaned_data.get("username", "")
            failures = AxesProxyHandler.get_failures(self.request, {"username": username})
            if settings.AXES_FAILURE_LIMIT - failures == 1:
                raise ValidationError([
                    *error.error_list,
                    ValidationError(
                        f"Careful: one more wrong password locks this account for {lockout_duration()}. "
                        "If you are not sure of it, use “Forgotten your login credentials?” below instead."
                    ),
                ])
            raise


def staff_locked_out(request, response=None, credentials=None):
    """What axes answers once an account is locked: the admin's look, how long, whom to ask."""
    context = {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,  # it would list nothing but "no permission"
        "title": "Account locked",
        "duration": lockout_duration(),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "clinic": ClinicSettings.load(),
    }
    return render(request, "admin/locked_out.html", context, status=429)
