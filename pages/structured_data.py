"""Schema.org JSON-LD for search engines, built from the same rows the pages show.

Each function takes a `url` callable that turns a path into an absolute URL, so this
module never needs a request and can be tested with plain objects.
"""

SCHEMA = "https://schema.org"


def medical_clinic(*, clinic, location, url):
    """One MedicalClinic per office: address, phone and hours only when the clinic gave them."""
    address = {
        "@type": "PostalAddress",
        "addressLocality": location.city,
        "addressRegion": location.region,
        "addressCountry": "US",
    }
    if location.address_lines:
        address["streetAddress"] = ", ".join(location.address_lines)
    if location.postal_code:
        address["postalCode"] = location.postal_code
    data = {
        "@context": SCHEMA,
        "@type": "MedicalClinic",
        "@id": url(location.get_absolute_url()),
        "name": f"{clinic.name}, {location.name}",
        "url": url("/"),
        "address": address,
        "hasMap": location.map_url,
    }
    telephone = location.phone or clinic.phone
    if telephone:
        data["telephone"] = telephone
    if location.opening_hours:
        data["openingHours"] = location.opening_hours
    return data


def physician(*, physician, locations, url):
    data = {
        "@context": SCHEMA,
        "@type": "Physician",
        "@id": url(physician.get_absolute_url()) + f"#physician-{physician.pk}",
        "name": physician.name,
        "description": physician.specialty,
        "url": url(physician.get_absolute_url()),
        "location": [{"@id": url(location.get_absolute_url())} for location in locations],
    }
    if physician.picture:
        data["image"] = url(physician.picture.src)
    return data


def treatment(*, page, url):
    """A MedicalTherapy when the treatment names its drug, otherwise a MedicalProcedure."""
    data = {
        "@context": SCHEMA,
        "@type": "MedicalTherapy" if page.drug_name else "MedicalProcedure",
        "name": page.title,
        "description": page.description,
        "url": url(page.get_absolute_url()),
    }
    if page.drug_name:
        data["drug"] = {"@type": "Drug", "name": page.drug_name}
    return data


def faq(*, items):
    """The questions and answers of FAQ sections: each item's lead asks, its body answers."""
    return {
        "@context": SCHEMA,
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.lead,
                "acceptedAnswer": {"@type": "Answer", "text": item.body_html},
            }
            for item in items
        ],
    }
