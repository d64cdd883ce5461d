"""Load the clinic's demo content: the Botox page as the client wrote it, the physician,
the two offices, and a few before/after cases drawn as labelled illustrations (never
photos of real people).

Idempotent: rows are keyed on slug, heading, lead and name and only created when missing,
so a second run changes nothing and never overwrites what staff have edited. The client
gave no addresses, hours or phone numbers: none are invented, and the site leaves them out.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter

from gallery.models import Case, MarketingAuthorization
from pages.models import ClinicSettings, Item, Location, Page, Physician, SafetyInformation, Section

# Written for the demo from the drug label's boxed warning; flagged for the clinic's review.
BOTOX_SAFETY = {
    "name": "Botox (onabotulinumtoxinA)",
    "title": "Important Safety Information",
    "body": (
        "Botox and Botox Cosmetic carry a boxed warning about **distant spread of toxin "
        "effect**: the effects of botulinum toxin may spread beyond the injection site, hours "
        "to weeks after an injection, and cause symptoms such as muscle weakness, double or "
        "blurred vision, drooping eyelids, hoarseness or change of voice, trouble saying words "
        "clearly, loss of bladder control, and trouble breathing or swallowing. Swallowing and "
        "breathing difficulties can be life threatening. Get medical help right away if you "
        "have any of these problems after treatment.\n\n"
        "Do not receive Botox if you are allergic to any of its ingredients, had an allergic "
        "reaction to another botulinum toxin product, or have an infection at the planned "
        "injection site. Tell your doctor about all your medical conditions and every medicine "
        "you take. Discuss the risks and side effects with your doctor before treatment."
    ),
    "source": (
        "Summary of the boxed warning in the FDA-approved Botox and Botox Cosmetic labels"
    ),
    "source_date": datetime.date(2026, 11, 25),
    "version": "demo-1",
    "needs_review": True,
}

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
    # Built from the client's own words: results in 7-14 days, benefits for about three months.
    "typical_results": (
        "Most patients see softer lines about 7–14 days after treatment, and the effect lasts "
        "about three months; periodic booster treatments keep it. Results differ from person "
        "to person."
    ),
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
                    Item.Indication.APPROVED,
                    "for the temporary improvement of certain facial lines in adults",
                ),
                (
                    "Anti-Migraine Protection",
                    "In the last few years, Botox rose to prominence as a way of preventing "
                    "certain forms of migraine. FDA Approval is limited to situations of chronic "
                    "migraine \u2013 that is, when headaches occur on 15 or more days monthly. "
                    "Patients with fewer headaches generally see less benefit from Botox.",
                    Item.Indication.APPROVED,
                    "for preventing chronic migraine in adults with 15 or more headache days a month",
                ),
                (
                    "Care for Muscle Spasms",
                    "People with muscle spasms can enjoy relief through Botox treatment. Botox "
                    "injection into the muscle will reduce all forms of activity in that muscle. "
                    "This may lead to less frequent spasm episodes and those that do occur may "
                    "be less severe.",
                    Item.Indication.APPROVED,
                    "for certain conditions, such as cervical dystonia, blepharospasm and spasticity",
                ),
            ],
            # The rarer uses the closing text mentions, listed after it with their status.
            "other_items": [
                ("Excessive sweat", "", Item.Indication.APPROVED, "for severe underarm sweating"),
                ("Enlarged prostate", "", Item.Indication.OFF_LABEL, ""),
                ("Bell's palsy", "", Item.Indication.OFF_LABEL, ""),
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


# Demo before/after cases: drawn illustrations, never photos of real people.
DEMO_AUTHORIZATION = {
    "reference": "DEMO-ILLUSTRATION",
    "signed_on": datetime.date(2026, 11, 25),
    "expires_on": datetime.date(2099, 12, 31),
    "recorded_by": "Demo content",
    "notes": "Demo content: the demo cases are drawings; no patient signed anything.",
}
BOTOX_CASES = [
    ("Forehead lines", "Horizontal forehead lines", 2),
    ("Crow’s feet", "Fine lines at the outer corner of the eye", 3),
    ("Frown lines", "Vertical lines between the eyebrows", 2),
]


def illustration(lines, hue, faint=False):
    """An abstract drawing standing in for a patient photo: a warm gradient crossed by the
    soft arcs of expression lines (faint after treatment). No face, no text: the page says
    it is an illustration, under the pair."""
    width, height = 1200, 900
    top, bottom = (240, 222 - hue * 4, 204 - hue * 5), (214, 178 - hue * 5, 156 - hue * 6)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / (height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    crease = (186, 134, 112) if not faint else (222, 190, 170)
    for n in range(lines):
        y = 250 + n * 110
        draw.arc((220 - n * 20, y, 980 + n * 20, y + 190), 200, 340, fill=crease, width=7 if not faint else 3)
    # A botanical sprig in the corner, so the drawing never reads as a photo.
    for n in range(5):
        x, y = 1040 - n * 34, 760 - n * 46
        draw.ellipse((x - 26, y - 12, x + 26, y + 12), fill=(160, 176, 150))
    draw.line([(1060, 800), (880, 560)], fill=(120, 140, 112), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return ContentFile(buffer.getvalue(), name="illustration.jpg")


def artwork(kind, seed):
    """Demo artwork for the clinic's own pictures, made for this project: soft botanical and
    architectural shapes in the site's colours. Never a face, never a photo of anyone."""
    size = {"hero": (1600, 1000), "treatment": (1600, 700), "office": (960, 540)}[kind]
    image = Image.new("RGB", size, (244, 238, 228))
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):  # ivory to sand
        t = y / height
        draw.line([(0, y), (width, y)], fill=(round(248 - 14 * t), round(243 - 20 * t), round(236 - 26 * t)))
    sage, spruce, gold = (176, 192, 170), (92, 122, 112), (196, 168, 120)
    if kind == "office":  # arches of a building front
        for n in range(4):
            x = 120 + n * 260 + seed * 20
            draw.rectangle((x, 260, x + 180, height), fill=(232, 222, 206))
            draw.pieslice((x, 170, x + 180, 350), 180, 360, fill=(232, 222, 206))
            draw.rectangle((x + 40, 320, x + 140, height), fill=spruce if n % 2 else sage)
    else:  # eucalyptus sprigs
        for sprig in range(3 if kind == "hero" else 2):
            x0, y0 = width * (0.25 + 0.3 * sprig) + seed * 30, height * 1.05
            for leaf in range(9):
                x, y = x0 + leaf * 22 - sprig * 40, y0 - leaf * height * 0.09
                r = 46 - leaf * 3
                draw.ellipse((x - r * 1.5, y - r, x + r * 1.5, y + r), fill=sage if leaf % 2 else spruce)
            draw.line([(x0, y0), (x0 + 190 - sprig * 40, y0 - height * 0.8)], fill=gold, width=5)
    image = image.filter(ImageFilter.GaussianBlur(2))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return ContentFile(buffer.getvalue(), name=f"{kind}.jpg")


PHYSICIAN = {
    "name": "Dr. Katayoun Motlagh",
    "specialty": "Cosmetic services",
    "bio": "Dr. Motlagh specializes in cosmetic services in her offices in Palmdale and Encino.",
}

# Only what the client told us: the cities. Address, phone and hours stay empty.
LOCATIONS = [
    {"name": "Palmdale", "city": "Palmdale", "region": "CA", "position": 1,
     "image_alt": "Drawing of arched windows on a warm building front"},
    {"name": "Encino", "city": "Encino", "region": "CA", "position": 2,
     "image_alt": "Drawing of arched windows on a warm building front"},
]


class Command(BaseCommand):
    help = "Load the clinic's demo content (the Botox page and its demo gallery). Safe to run again."

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
        clinic = ClinicSettings.load()
        if not clinic.image:
            clinic.image = artwork("hero", 0)
            clinic.image_alt = "Drawing of eucalyptus sprigs on a warm ivory background"
            clinic.save()
        safety, _ = SafetyInformation.objects.get_or_create(
            name=BOTOX_SAFETY["name"], defaults=BOTOX_SAFETY
        )
        page, created = self.load_page(BOTOX, safety)
        self.stdout.write(f"{'Created' if created else 'Checked'} treatment page “{page}”.")
        Physician.objects.get_or_create(name=PHYSICIAN["name"], defaults=PHYSICIAN)
        for seed, data in enumerate(LOCATIONS):
            Location.objects.get_or_create(name=data["name"], defaults={**data, "image": artwork("office", seed)})
        self.stdout.write(f"Checked the physician and {len(LOCATIONS)} offices.")
        created = self.load_cases(page, BOTOX_CASES)
        self.stdout.write(f"Created {created} demo before-and-after case(s).")

    def load_page(self, data, safety):
        names = ("title", "summary", "meta_description", "drug_name", "call_to_action", "typical_results")
        fields = {k: data[k] for k in names}
        page, created = Page.objects.get_or_create(
            slug=data["slug"],
            defaults={
                **fields,
                "is_published": True,
                "safety_information": safety,
                "image": artwork("treatment", 1),
                "image_alt": "Drawing of eucalyptus leaves in soft light",
            },
        )
        for position, section_data in enumerate(data["sections"], start=1):
            section, _ = Section.objects.get_or_create(
                page=page,
                heading=section_data["heading"],
                defaults={
                    "body": section_data["body"],
                    "closing": section_data.get("closing", ""),
                    "position": position,
                    "kind": Section.Kind.USES if "items" in section_data else Section.Kind.TEXT,
                },
            )
            items = [(item, False) for item in section_data.get("items", [])]
            items += [(item, True) for item in section_data.get("other_items", [])]
            for item_position, ((lead, body, indication, note), other) in enumerate(items, start=1):
                Item.objects.get_or_create(
                    section=section,
                    lead=lead,
                    defaults={
                        "body": body,
                        "indication": indication,
                        "indication_note": note,
                        "is_other_use": other,
                        "position": item_position,
                        # Statuses written for the demo: the clinic confirms each one.
                        "indication_needs_review": True,
                    },
                )
        return page, created

    def load_cases(self, page, cases):
        created = 0
        authorization, _ = MarketingAuthorization.objects.get_or_create(
            reference=DEMO_AUTHORIZATION["reference"], defaults=DEMO_AUTHORIZATION
        )
        for position, (area, wrinkles, lines) in enumerate(cases, start=1):
            if Case.objects.filter(treatment=page, treated_area=area).exists():
                continue
            # Saving runs the images through the same pipeline as an upload in the admin.
            Case.objects.create(
                treatment=page,
                treated_area=area,
                procedure="Botox injections",
                before_image=illustration(lines, position),
                before_alt=f"Illustration: {wrinkles.lower()}, before Botox",
                after_image=illustration(lines, position, faint=True),
                after_alt="Illustration: the same lines softened, 2 weeks after Botox",
                time_since_treatment="2 weeks after treatment",
                position=position,
                is_published=True,
                subject=Case.Subject.ILLUSTRATION,  # the page says so under each pair
                authorization=authorization,
                unaltered_attested_by="Demo content",
                unaltered_attested_on=timezone.localdate(),
            )
            created += 1
        return created
