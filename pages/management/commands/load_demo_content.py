"""Load the clinic's demo content: the Botox page as the client wrote it, the physician
and the two offices.

Idempotent: rows are keyed on slug, heading, lead and name and only created when missing,
so a second run changes nothing and never overwrites what staff have edited. The client
gave no addresses, hours or phone numbers: none are invented, so the site says
"Call for address" and "Call for hours".
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from pages.models import ClinicSettings, Item, Location, Page, Physician, Section

# The client's text from shared/content/botox.md, carried into the project.
BOTOX = {
    "slug": "botox",
    "title": "Botox",
    "summary": (
        "A quick, prescription-only injectable treatment for wrinkles, chronic migraine, "
        "muscle spasms and more, with no prolonged recovery."
    ),
    "meta_description": (
        "Botox in Palmdale and Encino, CA with Dr. Katayoun Motlagh: benefits, who is a "
        "good candidate, uses and what recovery is like."
    ),
    "drug_name": "onabotulinumtoxinA (Botox)",
    "call_to_action": (
        "If you're interested in choosing Botox in Palmdale, CA, it's vital you have your "
        "procedure performed by an experienced expert. To find out more about Botox and what "
        "it can do for you, contact Dr. Katayoun Motlagh. Dr. Motlagh specializes in cosmetic "
        "services in her offices in Palmdale and Encino."
    ),
    "sections": [
        {
            "heading": "What Are the Benefits of Botox?",
            "body": (
                "Botox is a highly safe and effective treatment for several different "
                "conditions. Although it is only available by prescription, the process is "
                "quick and easy. There is no prolonged recovery period and each injection area "
                "receives benefits for about three months. Although you will need periodic "
                "booster treatments to continue seeing benefits, this is the preferred option "
                "rather than surgery."
            ),
        },
        {
            "heading": "Who Makes a Good Candidate for Botox?",
            "body": (
                "A good candidate for Botox is someone who is in generally good overall health. "
                "Patients must be at least 18 years old. You should review your medical history "
                "and current medications with your doctor before you undergo Botox. Although "
                "Botox is not known for reactions with particular medications, some combinations "
                "of medications and conditions may require you to make temporary changes. For "
                "example, you may be asked to discontinue a medication in the days before "
                "treatment."
            ),
        },
        {
            "heading": "What Can Botox Be Used For?",
            "body": (
                "Patients suffering from several different conditions have found benefits "
                "from Botox:"
            ),
            "items": [
                (
                    "Cosmetic Treatment",
                    "Botox helps reduce the appearance of wrinkles. It does not change the "
                    "surface of skin. Instead, it will paralyze the muscles responsible for "
                    "\u201cmicro-movements\u201d that make wrinkles more prominent.",
                ),
                (
                    "Anti-Migraine Protection",
                    "In the last few years, Botox rose to prominence as a way of preventing "
                    "certain forms of migraine. FDA Approval is limited to situations of chronic "
                    "migraine \u2013 that is, when headaches occur on 15 or more days monthly. "
                    "Patients with fewer headaches generally see less benefit from Botox.",
                ),
                (
                    "Care for Muscle Spasms",
                    "People with muscle spasms can enjoy relief through Botox treatment. Botox "
                    "injection into the muscle will reduce all forms of activity in that muscle. "
                    "This may lead to less frequent spasm episodes and those that do occur may "
                    "be less severe.",
                ),
            ],
            "closing": (
                "There are several other conditions for which Botox is used as a treatment. "
                "These are more rare and may require a referral by a specialist. Excessive "
                "sweat, enlarged prostate, and Bell's palsy are all conditions that may respond "
                "to Botox. Some patients have reported relief lasting up to a year."
            ),
        },
        {
            "heading": "What is Recovery Like for Botox?",
            "body": (
                "Botox treatment can take as little as 20 minutes for a single injection. People "
                "using it for specific conditions such as migraine can begin to experience "
                "results the same day. Patients who use it for cosmetic purposes should expect "
                "to wait about 7-14 days for optimal results.\n\n"
                "There is no extended recovery period for Botox. There may be slight redness at "
                "the injection site. If significant swelling or discomfort occurs, contact your "
                "doctor right away."
            ),
        },
    ],
}


PHYSICIAN = {
    "name": "Dr. Katayoun Motlagh",
    "specialty": "Cosmetic services",
    "bio": "Dr. Motlagh specializes in cosmetic services in her offices in Palmdale and Encino.",
}

# Only what the client told us: the cities. Address, phone and hours stay empty.
LOCATIONS = [
    {"name": "Palmdale", "city": "Palmdale", "region": "CA", "position": 1},
    {"name": "Encino", "city": "Encino", "region": "CA", "position": 2},
]


class Command(BaseCommand):
    help = "Load the clinic's demo content (the Botox page). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has treatment pages (used by `make run`).",
        )

    @transaction.atomic
    def handle(self, *args, if_empty=False, **options):
        if if_empty and Page.objects.exists():
            self.stdout.write("Treatment pages exist; demo content not loaded.")
            return
        ClinicSettings.load()
        page, created = self.load_page(BOTOX)
        self.stdout.write(f"{'Created' if created else 'Checked'} treatment page “{page}”.")
        Physician.objects.get_or_create(name=PHYSICIAN["name"], defaults=PHYSICIAN)
        for data in LOCATIONS:
            Location.objects.get_or_create(name=data["name"], defaults=data)
        self.stdout.write(f"Checked the physician and {len(LOCATIONS)} offices.")

    def load_page(self, data):
        fields = {k: data[k] for k in ("title", "summary", "meta_description", "drug_name", "call_to_action")}
        page, created = Page.objects.get_or_create(
            slug=data["slug"], defaults={**fields, "is_published": True}
        )
        for position, section_data in enumerate(data["sections"], start=1):
            section, _ = Section.objects.get_or_create(
                page=page,
                heading=section_data["heading"],
                defaults={
                    "body": section_data["body"],
                    "closing": section_data.get("closing", ""),
                    "position": position,
                },
            )
            for item_position, (lead, body) in enumerate(section_data.get("items", []), start=1):
                Item.objects.get_or_create(
                    section=section, lead=lead, defaults={"body": body, "position": item_position}
                )
        return page, created
