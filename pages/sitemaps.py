"""/sitemap.xml sections. Other apps add theirs to `sitemaps` in the root URLconf."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page


class StaticViewSitemap(Sitemap):
    """Pages without a row of their own."""

    def items(self):
        return ["pages:home", "pages:list", "pages:about", "consultations:request"]

    def location(self, item):
        return reverse(item)


class TreatmentSitemap(Sitemap):
    def items(self):
        return Page.objects.published()

    def lastmod(self, page):
        return page.updated_at


sitemaps = {"pages": StaticViewSitemap, "treatments": TreatmentSitemap}
