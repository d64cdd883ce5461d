import datetime
import io
import random

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from consultations.models import ConsultationRequest
from gallery.models import Case, MarketingAuthorization
from pages.models import Item, Location, Page, Physician, SafetyInformation, Section


class SafetyInformationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafetyInformation

    name = factory.Sequence(lambda n: f"Drug {n}")
    body = "Effects may spread beyond the injection site."
    source = "The drug's label, boxed warning"
    source_date = datetime.date(2026, 1, 1)
    version = "v1"


def image_bytes(size=(64, 48), color="teal", fmt="JPEG", noise=False, **save_options):
    """A real image file built in memory; `noise` makes it compress like a photo."""
    if noise:
        image = Image.frombytes("RGB", size, random.Random(1).randbytes(size[0] * size[1] * 3))
    else:
        image = Image.new("RGBA" if fmt == "PNG" else "RGB", size, color)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save_options)
    return buffer.getvalue()


def photo_upload(name="photo.jpg", content_type="image/jpeg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type=content_type)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Treatment {n}")
    slug = factory.Sequence(lambda n: f"treatment-{n}")
    summary = "A treatment worth reading about."
    is_published = True
    safety_information = factory.SubFactory(SafetyInformationFactory)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    page = factory.SubFactory(PageFactory)
    heading = factory.Sequence(lambda n: f"Section heading {n}")
    body = "Some **text** about the treatment."
    position = factory.Sequence(lambda n: n)


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    section = factory.SubFactory(SectionFactory, kind="uses")
    lead = factory.Sequence(lambda n: f"Use {n}")
    body = "What this use is about."
    position = factory.Sequence(lambda n: n)


class FaqSectionFactory(SectionFactory):
    heading = "Questions patients ask"
    body = ""
    kind = "faq"


class FaqItemFactory(ItemFactory):
    """A question (the lead) and its answer (the body) in an FAQ section."""

    section = factory.SubFactory(FaqSectionFactory)
    lead = factory.Sequence(lambda n: f"Question {n}?")
    body = "An **answer**."


class MarketingAuthorizationFactory(factory.django.DjangoModelFactory):
    """A valid authorization for the website, signed a month ago, expiring in a year."""

    class Meta:
        model = MarketingAuthorization

    reference = factory.Sequence(lambda n: f"CH-{1000 + n}")
    signed_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    expires_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=365))
    recorded_by = "Front desk"


class CaseFactory(factory.django.DjangoModelFactory):
    """A published case under a valid authorization, attested unaltered; its photos go
    through the real pipeline on save."""

    class Meta:
        model = Case

    treatment = factory.SubFactory(PageFactory)
    treated_area = factory.Sequence(lambda n: f"Area {n}")
    procedure = "Botox injections"
    before_image = factory.LazyFunction(lambda: photo_upload(color="sienna"))
    before_alt = "Forehead with lines, before treatment"
    after_image = factory.LazyFunction(lambda: photo_upload(color="peachpuff"))
    after_alt = "The same forehead, smoother, 2 weeks after treatment"
    time_since_treatment = "2 weeks after treatment"
    is_published = True
    authorization = factory.SubFactory(MarketingAuthorizationFactory)
    unaltered_attested_by = "Dr. Motlagh"
    unaltered_attested_on = factory.LazyFunction(datetime.date.today)


class PhysicianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Physician

    name = "Dr. Katayoun Motlagh"
    bio = "Dr. Motlagh specializes in cosmetic services."


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Office {n}")
    city = "Palmdale"
    region = "CA"


class ConsultationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationRequest

    name = "Jane Patient"
    email = "jane@example.com"
    consent_to_contact = True
