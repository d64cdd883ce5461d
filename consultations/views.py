from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from ops.middleware import client_ip
from pages.models import Page

from .forms import ConsultationRequestForm
from .notifications import notify_clinic

RATE_WINDOW_SECONDS = 60 * 60


def ip_hash(request):
    # client_ip: behind nginx every request comes from the proxy's address; the visitor's
    # is the one our proxy put in X-Forwarded-For (settings.PROXY_COUNT).
    return salted_hmac("consultations.ip", client_ip(request) or "", algorithm="sha256").hexdigest()


def rate_limit_key(request):
    # Keyed by the hash, so the shared cache never holds an address either.
    return f"consultations:rate:{ip_hash(request)}"


# While the shared cache is away (ops/cache.py), each worker counts on its own: a limit
# per process, rather than none or refusing everyone.
local_counts = LocMemCache("consultations-rate", {})


def counts():
    return local_counts if getattr(cache, "is_failing", False) else cache


def count_submission(key):
    store = counts()
    store.add(key, 0, RATE_WINDOW_SECONDS)  # starts the hour at the first submission
    store.incr(key)


@never_cache  # the form carries this visitor's CSRF token: no shared cache may keep it
def request_consultation(request):
    """The consultation form. A function view: rate limit, honeypot and the email to the
    clinic would each be an override of a generic view."""
    if request.method == "POST":
        key = rate_limit_key(request)
        if counts().get(key, 0) >= settings.CONSULTATION_RATE_LIMIT:
            response = render(request, "consultations/rate_limited.html", status=429)
            response["Retry-After"] = str(RATE_WINDOW_SECONDS)
            return response
        form = ConsultationRequestForm(request.POST)
        if form.is_from_bot:
            count_submission(key)
            return redirect("consultations:thanks")  # looks like success; nothing is stored
        if form.is_valid():
            count_submission(key)
            form.instance.ip_hash = ip_hash(request)
            consultation = form.save()
            admin_path = reverse("admin:consultations_consultationrequest_change", args=[consultation.pk])
            notify_clinic(consultation=consultation, admin_url=request.build_absolute_uri(admin_path))
            return redirect("consultations:thanks")
    else:
        treatment = Page.objects.published().filter(slug=request.GET.get("treatment", "")).first()
        form = ConsultationRequestForm(initial={"treatment": treatment})
    return render(request, "consultations/consultationrequest_form.html", {"form": form})


class ThanksView(TemplateView):
    template_name = "consultations/thanks.html"
