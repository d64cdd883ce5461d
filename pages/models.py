from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from .markup import render_markdown

MARKDOWN_HELP = (
    "Plain text. Leave a blank line between paragraphs. **Two stars** make text bold, "
    "[words](https://example.com) make a link. HTML is not allowed and is removed."
)


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Page(models.Model):
    """A treatment page, such as Botox, read by prospective patients."""

    title = models.CharField(max_length=200, help_text="The treatment's name, e.g. “Botox”.")
    slug = models.SlugField(
        unique=True,
        help_text="The page's web address: /treatments/<slug>/. Lowercase letters, numbers and dashes.",
    )
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown in the list of treatments and under the page title.",
    )
    meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text="What search engines show under the link (up to 160 characters). "
        "Leave empty to use the summary.",
    )
    call_to_action = models.TextField(
        blank=True,
        help_text="The closing paragraph inviting the patient to get in touch. " + MARKDOWN_HELP,
    )
    call_to_action_html = models.TextField(editable=False, default="")
    drug_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="The drug the treatment uses, e.g. “onabotulinumtoxinA (Botox Cosmetic)”. "
        "Only read by search engines; leave empty for treatments without one.",
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Tick to show this page to the public. Unticked pages are hidden.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Pages with a smaller number come first in lists."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = "treatment page"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    @property
    def description(self):
        return self.meta_description or self.summary

    def save(self, *args, **kwargs):
        # Render and sanitize once here, so page views never run Markdown.
        self.call_to_action_html = render_markdown(self.call_to_action)
        super().save(*args, **kwargs)


class Section(models.Model):
    """A headed part of a treatment page: benefits, candidacy, uses, recovery."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=200, help_text="E.g. “What Are the Benefits of Botox?”")
    body = models.TextField(blank=True, help_text="Text under the heading. " + MARKDOWN_HELP)
    body_html = models.TextField(editable=False, default="")
    closing = models.TextField(
        blank=True,
        help_text="Optional text shown after the list items of this section. " + MARKDOWN_HELP,
    )
    closing_html = models.TextField(editable=False, default="")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the page.")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        self.closing_html = render_markdown(self.closing)
        super().save(*args, **kwargs)


class Item(models.Model):
    """One entry of a section's list, e.g. “Cosmetic Treatment: Botox helps…”."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    lead = models.CharField(
        max_length=120, help_text="The bold words that start the item, e.g. “Cosmetic Treatment”."
    )
    body = models.TextField(help_text="The rest of the item. " + MARKDOWN_HELP)
    body_html = models.TextField(editable=False, default="")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the list.")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "list item"

    def __str__(self):
        return self.lead

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body, inline=True)
        super().save(*args, **kwargs)


class ClinicSettings(models.Model):
    """The clinic's facts, edited in one place; there is only ever one row."""

    name = models.CharField(max_length=120, default="Dr. Katayoun Motlagh", help_text="Shown in the header, titles and search results.")
    tagline = models.CharField(
        max_length=200,
        blank=True,
        default="Cosmetic services in Palmdale and Encino, CA",
        help_text="A short line under the clinic name on the home page.",
    )
    phone = models.CharField(
        max_length=40, blank=True, help_text="Main phone number shown on every page. Leave empty to hide it."
    )
    notification_email = models.EmailField(
        blank=True, help_text="Where new consultation requests are announced. Not shown on the site."
    )
    site_notice = models.CharField(
        max_length=300,
        default="All information subject to change.",
        help_text="Shown at the bottom of every page.",
    )
    gallery_disclaimer = models.CharField(
        max_length=300,
        default="Images may contain models. Individual results are not guaranteed and may vary.",
        help_text="Shown next to every before-and-after photo.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "clinic settings"
        verbose_name_plural = "clinic settings"
        ordering = ["pk"]

    def __str__(self):
        return "Clinic settings"

    def save(self, *args, **kwargs):
        self.pk = 1  # a singleton: every save writes the same row
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        return cls.objects.get_or_create(pk=1)[0]


class Question(models.Model):
    """A frequently asked question shown at the end of a treatment page."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField(max_length=200, help_text="As a patient would ask it.")
    answer = models.TextField(help_text=MARKDOWN_HELP)
    answer_html = models.TextField(editable=False, default="")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the page.")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        self.answer_html = render_markdown(self.answer)
        super().save(*args, **kwargs)


class Physician(models.Model):
    """A physician of the clinic, shown on the about page."""

    name = models.CharField(max_length=120, help_text="As patients should read it, e.g. “Dr. Katayoun Motlagh”.")
    credentials = models.CharField(
        max_length=120, blank=True, help_text="Degrees and board certifications, e.g. “MD”. Leave empty if unknown."
    )
    specialty = models.CharField(max_length=120, default="Cosmetic services")
    bio = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    bio_html = models.TextField(editable=False, default="")
    photo = models.ImageField(
        upload_to="physicians/",
        blank=True,
        help_text="Optional portrait. Never a patient photo.",
    )
    photo_alt = models.CharField(
        max_length=200, blank=True, help_text="What the portrait shows, for patients who cannot see it."
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the about page.")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:about")

    def clean(self):
        if self.photo and not self.photo_alt:
            raise ValidationError({"photo_alt": "Describe the portrait for patients who cannot see it."})

    def save(self, *args, **kwargs):
        self.bio_html = render_markdown(self.bio)
        super().save(*args, **kwargs)


class Location(models.Model):
    """An office where patients are seen; listed on the about page and in the footer."""

    CALL_FOR_ADDRESS = "Call for address"
    CALL_FOR_HOURS = "Call for hours"

    name = models.CharField(max_length=120, help_text="Short name patients know it by, e.g. “Palmdale”.")
    street_address = models.TextField(
        blank=True, help_text=f"Street and suite, one per line. Leave empty to show “{CALL_FOR_ADDRESS}”."
    )
    city = models.CharField(max_length=120)
    region = models.CharField("state", max_length=40, default="CA")
    postal_code = models.CharField("ZIP code", max_length=12, blank=True)
    phone = models.CharField(
        max_length=40, blank=True, help_text="This office's phone. Leave empty to show the clinic's main phone."
    )
    hours = models.TextField(
        blank=True, help_text=f"Opening hours as patients read them. Leave empty to show “{CALL_FOR_HOURS}”."
    )
    opening_hours = models.CharField(
        max_length=200,
        blank=True,
        help_text="The same hours for search engines, e.g. “Mo-Fr 09:00-17:00, Sa 10:00-14:00”. "
        "Leave empty when hours are not known.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in lists.")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:about") + f"#location-{self.pk}"

    @property
    def address_lines(self):
        return [line.strip() for line in self.street_address.splitlines() if line.strip()]

    @property
    def locality(self):
        return " ".join(part for part in [f"{self.city}, {self.region}", self.postal_code] if part)

    @property
    def one_line_address(self):
        return ", ".join([*self.address_lines, self.locality])

    @property
    def map_url(self):
        return "https://www.google.com/maps/search/?" + urlencode({"api": 1, "query": self.one_line_address})
