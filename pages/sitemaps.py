"""/sitemap.xml sections. Other apps add theirs to `sitemaps` in the root URLconf."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from gallery.models import Case

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


class GallerySitemap(Sitemap):
    """The gallery and each treatment's gallery, while they have a published case."""

    def items(self):
        treatments = Page.objects.published().filter(cases__in=Case.objects.published()).distinct()
        if not treatments:
            return []
        return [reverse("gallery:index")] + [reverse("gallery:treatment", args=[page.slug]) for page in treatments]

    def location(self, url):
        return url


class CaseSitemap(Sitemap):
    # Case.objects.published() decides with today's date: an expired or revoked
    # authorization drops its case from here on the next request.
    def items(self):
        return Case.objects.published()

    def lastmod(self, case):
        return case.updated_at


sitemaps = {"pages": StaticViewSitemap, "treatments": TreatmentSitemap, "gallery": GallerySitemap, "cases": CaseSitemap}
