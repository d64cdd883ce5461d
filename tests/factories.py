import datetime

import factory

from pages.models import Item, Page, SafetyInformation, Section


class SafetyInformationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafetyInformation

    name = factory.Sequence(lambda n: f"Drug {n}")
    body = "Effects may spread beyond the injection site."
    source = "The drug's label, boxed warning"
    source_date = datetime.date(2026, 1, 1)
    version = "v1"


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

    section = factory.SubFactory(SectionFactory)
    lead = factory.Sequence(lambda n: f"Use {n}")
    body = "What this use is about."
    position = factory.Sequence(lambda n: n)
