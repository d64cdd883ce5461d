import factory

from pages.models import Item, Page, Section


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
