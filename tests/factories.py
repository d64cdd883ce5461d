import factory

from consultations.models import ConsultationRequest
from pages.models import Item, Location, Page, Physician, Question, Section


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Treatment {n}")
    slug = factory.Sequence(lambda n: f"treatment-{n}")
    summary = "A treatment worth reading about."
    is_published = True


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

    section = factory.SubFactory(SectionFactory)
    lead = factory.Sequence(lambda n: f"Use {n}")
    body = "What this use is about."
    position = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    page = factory.SubFactory(PageFactory)
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = "An **answer**."


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
