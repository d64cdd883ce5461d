import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from gallery.models import Case
from pages.models import Location
from tests.factories import FaqItemFactory, ItemFactory, PageFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def by_type(blocks, type_):
    return [block for block in blocks if block["@type"] == type_]


def test_every_page_names_each_office_as_a_medical_clinic_and_the_physician(client):
    call_command("load_demo_content")
    blocks = json_ld(client.get("/").content.decode())
    clinics = by_type(blocks, "MedicalClinic")
    assert [c["address"]["addressLocality"] for c in clinics] == ["Palmdale", "Encino"]
    assert {c["address"]["addressRegion"] for c in clinics} == {"CA"}
    assert clinics[0]["name"] == "Dr. Katayoun Motlagh, Palmdale"
    assert clinics[0]["url"] == "http://testserver/"
    [physician] = by_type(blocks, "Physician")
    assert physician["name"] == "Dr. Katayoun Motlagh"
    assert physician["description"] == "Cosmetic services"


def test_unknown_address_phone_and_hours_are_left_out_not_invented(client):
    call_command("load_demo_content")
    clinic = by_type(json_ld(client.get("/").content.decode()), "MedicalClinic")[0]
    assert "streetAddress" not in clinic["address"]
    assert "telephone" not in clinic
    assert "openingHours" not in clinic


def test_known_hours_and_phone_reach_the_structured_data(client):
    call_command("load_demo_content")
    Location.objects.filter(name="Encino").update(phone="818-555-0100", opening_hours="Mo-Fr 09:00-17:00")
    encino = by_type(json_ld(client.get("/").content.decode()), "MedicalClinic")[1]
    assert encino["telephone"] == "818-555-0100"
    assert encino["openingHours"] == "Mo-Fr 09:00-17:00"


def test_the_botox_page_describes_a_medical_therapy_with_its_drug(client):
    call_command("load_demo_content")
    blocks = json_ld(client.get("/treatments/botox/").content.decode())
    [therapy] = by_type(blocks, "MedicalTherapy")
    assert therapy["name"] == "Botox"
    assert therapy["url"] == "http://testserver/treatments/botox/"
    assert therapy["drug"] == {"@type": "Drug", "name": "onabotulinumtoxinA (Botox)"}
    assert len(by_type(blocks, "MedicalClinic")) == 2


def test_a_treatment_without_a_drug_is_a_medical_procedure(client):
    page = PageFactory(drug_name="")
    assert by_type(json_ld(client.get(page.get_absolute_url()).content.decode()), "MedicalProcedure")


def test_a_page_with_an_faq_section_carries_an_faq_block(client):
    question = FaqItemFactory(lead="Does it hurt?", body="Most patients feel a **pinch**.")
    html = client.get(question.section.page.get_absolute_url()).content.decode()
    [faq] = by_type(json_ld(html), "FAQPage")
    assert faq["mainEntity"] == [
        {
            "@type": "Question",
            "name": "Does it hurt?",
            "acceptedAnswer": {"@type": "Answer", "text": "Most patients feel a <strong>pinch</strong>."},
        }
    ]
    assert '<h3 class="faq__question">Does it hurt?</h3>' in html


def test_a_page_without_an_faq_section_has_no_faq_block(client):
    item = ItemFactory(lead="Cosmetic Treatment")
    html = client.get(item.section.page.get_absolute_url()).content.decode()
    assert not by_type(json_ld(html), "FAQPage")


def test_staff_text_cannot_close_the_json_ld_script(client):
    page = PageFactory(title="</script><script>alert(1)</script>")
    html = client.get(page.get_absolute_url()).content.decode()
    head = html.split("</head>")[0]
    assert "<script>alert(1)" not in head
    assert by_type(json_ld(html), "MedicalProcedure")[0]["name"] == page.title


def test_titles_and_descriptions_differ_from_page_to_page(client):
    call_command("load_demo_content")
    heads = {}
    for url in ["/", "/treatments/", "/treatments/botox/", "/about/", "/consultation/"]:
        html = client.get(url).content.decode()
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        description = re.search(r'<meta name="description" content="(.*?)">', html).group(1)
        heads[url] = (title, description)
    assert len({title for title, _ in heads.values()}) == 5
    assert len({description for _, description in heads.values()}) == 5
    assert heads["/treatments/botox/"][0] == "Botox | Dr. Katayoun Motlagh"


def test_pages_carry_an_absolute_canonical_link_without_the_query_string(client):
    html = client.get("/about/?utm_source=newsletter").content.decode()
    assert '<link rel="canonical" href="http://testserver/about/">' in html


def test_shared_links_show_the_default_card_never_a_patient_photo(client):
    html = client.get("/").content.decode()
    assert '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in html
    assert '<meta property="og:url" content="http://testserver/">' in html


def test_the_sitemap_parses_and_lists_public_pages(client):
    call_command("load_demo_content")
    PageFactory(slug="hidden", is_published=False)
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    urls = {loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)}
    assert urls == {
        "http://testserver/",
        "http://testserver/treatments/",
        "http://testserver/treatments/botox/",
        "http://testserver/about/",
        "http://testserver/consultation/",
        "http://testserver/gallery/",
        "http://testserver/gallery/botox/",
        *(f"http://testserver/gallery/cases/{pk}/" for pk in Case.objects.values_list("pk", flat=True)),
    }


def test_robots_txt_points_to_the_absolute_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
