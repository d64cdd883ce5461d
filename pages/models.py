from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from gallery.images import Picture, PublicPhotoField, clean_upload, save_renditions
from publishing.models import CheckedPublishingQuerySet, ScheduledPublishing

from . import structured_data
from .markup import render_markdown

MARKDOWN_HELP = (
    "Plain text. Leave a blank line between paragraphs. **Two stars** make text bold, "
    "[words](https://example.com) make a link. HTML is not allowed and is removed."
)


BLOCKED_SAFETY_MISSING = (
    "Safety information missing: choose the Important Safety Information for this prescription "
    "drug, or add it with the + button. If the treatment is not a prescription drug, answer "
    "“No” above. To save without it, untick “published”."
)
BLOCKED_DRAFT = "A draft: it goes live through “Publish this draft” on its own admin page, never by itself."


# Web sizes of the clinic's own pictures: a phone's width, a column, a wide hero.
PICTURE_WIDTHS = (480, 960, 1600)


class Illustrated(models.Model):
    """An optional picture with its description, cleaned and resized like a gallery photo
    (upright, no metadata, AVIF, WebP and JPEG sizes) when it is saved."""

    image = PublicPhotoField(
        blank=True,
        help_text="Optional. A JPEG, PNG, WebP, HEIC or AVIF file of at most 25 MB. The site removes camera and "
        "location details, turns it upright and makes web sizes. Never a patient photo.",
    )
    image_alt = models.CharField(
        "image description",
        max_length=200,
        blank=True,
        help_text="Required with an image: what it shows, for patients who cannot see it.",
    )
    image_renditions = models.JSONField(default=list, editable=False)

    class Meta:
        abstract = True

    @cached_property
    def picture(self):
        return Picture(self.image_renditions, default_storage.url, self.image_alt) if self.image else None

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for patients who cannot see it."})

    def save(self, *args, **kwargs):
        if not self.image:
            self.image_renditions = []
        elif not self.image._committed:
            clean = clean_upload(self.image.file)
            self.image = clean
            self.image_renditions = save_renditions(clean.image, default_storage, "site/renditions", PICTURE_WIDTHS)
        self.__dict__.pop("picture", None)
        super().save(*args, **kwargs)


class SafetyInformation(models.Model):
    """Important Safety Information, written once and attached to the pages that need it."""

    title = models.CharField(
        max_length=200,
        default="Important Safety Information",
        help_text="The heading patients see above the safety text.",
    )
    name = models.CharField(
        max_length=120,
        unique=True,
        help_text="For staff only: which treatment or drug this is for, e.g. “Botox (botulinum toxin)”.",
    )
    body = models.TextField(help_text="The safety text. " + MARKDOWN_HELP)
    body_html = models.TextField(editable=False, default="")
    source = models.CharField(
        max_length=300,
        help_text="Where the text comes from, e.g. “BOTOX Cosmetic prescribing information, boxed warning”.",
    )
    source_date = models.DateField(help_text="The date of that source (the label's revision date).")
    version = models.CharField(
        max_length=40, help_text="Your own version label; change it whenever the text changes, e.g. “2026-11 v2”."
    )
    needs_review = models.BooleanField(
        default=True,
        help_text="Ticked while the clinic (or its counsel) has not yet approved this text. "
        "Shown to staff only, as a reminder.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    # Each history leaves out derived HTML (save() renders it again on revert) and
    # updated_at, so the admin's "Changes" column lists only what staff typed.
    history = HistoricalRecords(excluded_fields=["body_html", "updated_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = "safety information"
        verbose_name_plural = "safety information"

    def __str__(self):
        return f"{self.name} ({self.version})"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


# Why a page cannot be public, each as the rows it blocks; Page.publication_blockers()
# answers the same question for one page, and a test keeps the two in step.
PAGE_BLOCKERS = {
    BLOCKED_SAFETY_MISSING: models.Q(requires_safety_information=True, safety_information__isnull=True),
    BLOCKED_DRAFT: models.Q(draft_of__isnull=False),
}


class PageQuerySet(CheckedPublishingQuerySet):
    @staticmethod
    def blockers():
        return PAGE_BLOCKERS  # a draft, missing safety information

    def with_content(self):
        """What the treatment page shows, in one query however long it is: its sections
        come rendered with the row (Page.render_sections)."""
        return self.select_related("safety_information")

    def for_listing(self):
        """What a list of treatments shows (pages/_treatment_list.html): not the stored
        page HTML, kilobytes per page."""
        return self.only("title", "slug", "summary", "image", "image_alt", "image_renditions")


class Page(Illustrated, ScheduledPublishing):
    """A treatment page, such as Botox, read by prospective patients."""

    title = models.CharField(max_length=200, help_text="The treatment's name, e.g. “Botox”.")
    slug = models.SlugField(
        unique=True,
        help_text="The page's web address: /treatments/botox/ for “botox”. Lowercase letters, numbers and dashes.",
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
    typical_results = models.TextField(
        blank=True,
        help_text="What most patients can expect, shown next to this treatment's before-and-after "
        "photos, e.g. “Most patients see softer lines 7–14 days after treatment, lasting about "
        "three months.” A bare “results may vary” is not enough. " + MARKDOWN_HELP,
    )
    typical_results_html = models.TextField(editable=False, default="")
    # The sections and their items, rendered whenever one of them changes and on every
    # migrate (so a deploy with new templates re-renders them), never per request.
    sections_html = models.TextField(editable=False, default="")
    faq_structured_data = models.JSONField(editable=False, null=True)
    drug_name = models.CharField(
        max_length=120,
        blank=True,
        help_text="The drug the treatment uses, e.g. “onabotulinumtoxinA (Botox Cosmetic)”. "
        "Only read by search engines; leave empty for treatments without one.",
    )
    requires_safety_information = models.BooleanField(
        default=True,
        help_text="Tick for prescription treatments (such as Botox): the page cannot be "
        "published without Important Safety Information, which is then always shown on it.",
    )
    safety_information = models.ForeignKey(
        SafetyInformation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pages",
        help_text="The Important Safety Information shown at the end of this page.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Pages with a smaller number come first in lists."
    )
    draft_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="drafts",
        help_text="The live page this draft replaces when you publish the draft. "
        "A draft is never shown to the public.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["call_to_action_html", "sections_html", "faq_structured_data", "updated_at"]
    )
    blocker_fields = {BLOCKED_SAFETY_MISSING: "safety_information"}

    class Meta:
        ordering = ["position", "title"]
        verbose_name = "treatment page"

    def __str__(self):
        # Told apart from the live page in admin lists, menus and history.
        return f"{self.title} (draft)" if self.is_draft else self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    @property
    def description(self):
        return self.meta_description or self.summary

    def publication_blockers(self):
        """Why this page cannot be public, in plain words; empty when it can."""
        blockers = []
        if self.requires_safety_information and self.safety_information_id is None:
            blockers.append(BLOCKED_SAFETY_MISSING)
        if self.is_draft:
            blockers.append(BLOCKED_DRAFT)
        return blockers

    @property
    def is_draft(self):
        return self.draft_of_id is not None

    @property
    def live_page_changed_since_draft(self):
        """True when someone edited the live page after this draft was made from it."""
        return self.is_draft and self.draft_of.updated_at > self.created_at

    def clean(self):
        super().clean()
        if self.is_published and (blockers := self.publication_blockers()):
            raise self.publication_errors(blockers)

    def save(self, *args, **kwargs):
        # Render and sanitize once here, so page views never run Markdown.
        self.call_to_action_html = render_markdown(self.call_to_action)
        self.typical_results_html = render_markdown(self.typical_results)
        if self.pk is not None:  # a new page has no sections yet
            self.sections_html, self.faq_structured_data = self.rendered_sections()
        super().save(*args, **kwargs)

    def rendered_sections(self):
        """The HTML of the page's sections and the FAQPage data of its questions."""
        sections = list(Section.objects.filter(page_id=self.pk).prefetch_related("items"))
        html = "".join(render_to_string("pages/_section.html", {"section": section}) for section in sections)
        faq_items = [item for section in sections for item in section.faq_items]
        return html, structured_data.faq(items=faq_items) if faq_items else None

    def render_sections(self):
        """Store the rendering of the sections as they now are; without a save() of the
        page, so its history and last-change time stay as they were."""
        self.sections_html, self.faq_structured_data = self.rendered_sections()
        Page.objects.filter(pk=self.pk).update(
            sections_html=self.sections_html, faq_structured_data=self.faq_structured_data
        )


class Section(models.Model):
    """A headed part of a treatment page: benefits, candidacy, uses, recovery."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="sections", help_text="The treatment page this section is on."
    )
    heading = models.CharField(max_length=200, help_text="E.g. “What Are the Benefits of Botox?”")
    body = models.TextField(blank=True, help_text="Text under the heading. " + MARKDOWN_HELP)
    body_html = models.TextField(editable=False, default="")
    closing = models.TextField(
        blank=True,
        help_text="Optional text shown after the list items of this section. " + MARKDOWN_HELP,
    )
    closing_html = models.TextField(editable=False, default="")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order on the page: smaller numbers first. The “Move up/down” buttons set it for you."
    )

    class Kind(models.TextChoices):
        TEXT = "text", "Text, with an optional list"
        USES = "uses", "Uses of the treatment, each with its indication status"
        FAQ = "faq", "Questions and answers (FAQ)"

    kind = models.CharField(
        "what the list holds",
        max_length=8,
        choices=Kind,
        default=Kind.TEXT,
        help_text="“Uses” shows each item's indication status (FDA-approved or off-label) next "
        "to it. “Questions and answers”: each item's bold words are the question and the rest "
        "is the answer; search engines read them as the page's frequently asked questions.",
    )

    history = HistoricalRecords(excluded_fields=["body_html", "closing_html"])

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.heading

    @property
    def is_faq(self):
        return self.kind == self.Kind.FAQ

    @property
    def lists_uses(self):
        return self.kind == self.Kind.USES

    # Split in Python so the prefetched items need no further query. Only a uses section
    # shows indication statuses and lists uses after its closing text; in an FAQ section
    # every item is a question and its answer.
    @cached_property
    def faq_items(self):
        return list(self.items.all()) if self.is_faq else []

    @cached_property
    def main_items(self):
        if self.is_faq:
            return []
        return [item for item in self.items.all() if not (self.lists_uses and item.is_other_use)]

    @cached_property
    def other_items(self):
        return [item for item in self.items.all() if item.is_other_use] if self.lists_uses else []

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        self.closing_html = render_markdown(self.closing)
        if self._state.adding and not self.position:
            self.position = next_position(Section.objects.filter(page_id=self.page_id))
        super().save(*args, **kwargs)


class Item(models.Model):
    """One entry of a section's list, e.g. “Cosmetic Treatment: Botox helps…”."""

    class Indication(models.TextChoices):
        # The labels are what patients read next to the use.
        APPROVED = "approved", "FDA-approved use"
        OFF_LABEL = "off_label", "Off-label use"
        NOT_SPECIFIED = "not_specified", "Not specified (no label shown)"

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="items", help_text="The section whose list this item is in."
    )
    # Long enough for a question as a patient would ask it (in a questions-and-answers section).
    lead = models.CharField(
        max_length=200,
        help_text="The bold words that start the item, e.g. “Cosmetic Treatment”. "
        "In a questions-and-answers section: the question, as a patient would ask it.",
    )
    body = models.TextField(
        blank=True,
        help_text="The rest of the item. May be empty for a short label-only entry. "
        "In a questions-and-answers section: the answer. " + MARKDOWN_HELP,
    )
    body_html = models.TextField(editable=False, default="")
    indication = models.CharField(
        "indication status",
        max_length=20,
        choices=Indication,
        default=Indication.NOT_SPECIFIED,
        help_text="Whether this use is an approved indication of the drug or an off-label use. "
        "Shown to patients next to the use.",
    )
    indication_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional words shown after the status, e.g. “for adults with 15 or more headache days a month”.",
    )
    indication_needs_review = models.BooleanField(
        default=False,
        help_text="Tick while the indication status still has to be confirmed by the clinic. "
        "Shown to staff only.",
    )
    is_other_use = models.BooleanField(
        "listed after the section's closing text",
        default=False,
        help_text="Tick for uses that the closing text mentions in passing (e.g. Bell's palsy): "
        "they are listed after it with their indication status.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the list: smaller numbers first. The “Move up/down” buttons set it for you."
    )

    history = HistoricalRecords(excluded_fields=["body_html"])

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "list item"

    def __str__(self):
        return self.lead

    @property
    def indication_label(self):
        """What patients read next to the use; nothing when the status is not specified."""
        if self.indication == self.Indication.NOT_SPECIFIED:
            return ""
        return self.get_indication_display()

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body, inline=True)
        if self._state.adding and not self.position:
            self.position = next_position(Item.objects.filter(section_id=self.section_id))
        super().save(*args, **kwargs)


def next_position(siblings):
    """A new row goes after its siblings (the ordering buttons renumber them later)."""
    return (siblings.aggregate(last=models.Max("position"))["last"] or 0) + 1


class ClinicSettings(Illustrated, models.Model):
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

    history = HistoricalRecords(excluded_fields=["updated_at"])

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


class Physician(Illustrated, models.Model):
    """A physician of the clinic, shown on the about page."""

    name = models.CharField(max_length=120, help_text="As patients should read it, e.g. “Dr. Katayoun Motlagh”.")
    credentials = models.CharField(
        max_length=120, blank=True, help_text="Degrees and board certifications, e.g. “MD”. Leave empty if unknown."
    )
    specialty = models.CharField(max_length=120, default="Cosmetic services")
    bio = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    bio_html = models.TextField(editable=False, default="")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the about page.")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:about")

    def save(self, *args, **kwargs):
        self.bio_html = render_markdown(self.bio)
        super().save(*args, **kwargs)


class Location(Illustrated, models.Model):
    """An office where patients are seen; listed on the about page and in the footer."""

    name = models.CharField(max_length=120, help_text="Short name patients know it by, e.g. “Palmdale”.")
    street_address = models.TextField(
        blank=True, help_text="Street and suite, one per line. Leave empty while it is not known: the site then "
        "shows the city, and asks patients to call when there is a phone number."
    )
    city = models.CharField(max_length=120)
    region = models.CharField("state", max_length=40, default="CA")
    postal_code = models.CharField("ZIP code", max_length=12, blank=True)
    phone = models.CharField(
        max_length=40, blank=True, help_text="This office's phone. Leave empty to show the clinic's main phone."
    )
    hours = models.TextField(
        blank=True, help_text="Opening hours as patients read them. Leave empty while they are not known: the "
        "site then leaves them out, or asks patients to call when there is a phone number."
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
