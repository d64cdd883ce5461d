from django import forms

from pages.models import Page

from .models import ConsultationRequest


class ConsultationRequestForm(forms.ModelForm):
    # A honeypot: hidden from people (and from screen readers), filled in by bots.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = ConsultationRequest
        fields = ["name", "email", "phone", "location", "treatment", "message", "consent_to_contact"]
        labels = {
            "name": "Your name",
            "phone": "Phone number",
            "location": "Preferred office",
            "treatment": "Treatment you are interested in",
            "message": "Anything else we should know? (optional)",
            "consent_to_contact": "I agree to be contacted by the clinic about this request.",
        }
        help_texts = {
            "email": "An email address or a phone number is enough; give both if you like.",
            "message": "Please do not include medical details; we will discuss them in person.",
            "consent_to_contact": "",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    required_css_class = "is-required"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["location"].empty_label = "No preference"
        self.fields["treatment"].queryset = Page.objects.published()
        self.fields["treatment"].empty_label = "Not sure yet"
        # Required for assistive technology and the browser; the rule itself is in the
        # model's clean(), which gives the message.
        self.fields["consent_to_contact"].widget.attrs["required"] = True

    def patient_fields(self):
        """The fields a person fills in: all but the honeypot."""
        return [self[name] for name in self.Meta.fields]

    @property
    def is_from_bot(self):
        return bool(self.data.get("website"))
