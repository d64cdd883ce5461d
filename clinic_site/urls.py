from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from gallery.views import kept_photo
from ops.login import StaffLoginForm
from ops.views import favicon, healthz, media
from pages.sitemaps import sitemaps

admin.site.site_header = "Clinic site administration"
admin.site.site_title = "Clinic admin"
admin.site.index_title = "Edit the website"
admin.site.login_form = StaffLoginForm

# Django's password reset by email, linked from the admin login ("Forgotten your password?").
ADMIN_LOOK = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}
password_reset = [
    path("", auth_views.PasswordResetView.as_view(extra_context=ADMIN_LOOK), name="admin_password_reset"),
    path("sent/", auth_views.PasswordResetDoneView.as_view(extra_context=ADMIN_LOOK), name="password_reset_done"),
    path(
        "<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(extra_context=ADMIN_LOOK),
        name="password_reset_confirm",
    ),
    path("done/", auth_views.PasswordResetCompleteView.as_view(extra_context=ADMIN_LOOK), name="password_reset_complete"),
]

urlpatterns = [
    path(f"{settings.ADMIN_URL}kept-photos/<str:token>/", kept_photo, name="kept_photo"),
    path(f"{settings.ADMIN_URL}password-reset/", include(password_reset)),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon),
    path("gallery/", include("gallery.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("consultation/", include("consultations.urls")),
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media, name="media"),
    path("", include("pages.urls")),
]

handler500 = "ops.views.server_error"  # a database outage answers 503 with Retry-After
