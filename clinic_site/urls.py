from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from gallery.views import kept_photo
from ops.views import favicon, healthz, media
from pages.sitemaps import sitemaps

admin.site.site_header = "Clinic site administration"
admin.site.site_title = "Clinic admin"
admin.site.index_title = "Edit the website"

urlpatterns = [
    path(f"{settings.ADMIN_URL}kept-photos/<str:token>/", kept_photo, name="kept_photo"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon),
    path("gallery/", include("gallery.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("consultation/", include("consultations.urls")),
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media, name="media"),
    path("", include("pages.urls")),
]
