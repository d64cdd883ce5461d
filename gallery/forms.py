"""Admin forms that keep what staff uploaded when the form comes back with an error."""

from django import forms

from . import kept
from .images import CleanPhoto


class KeepsPhotos(forms.ModelForm):
    """A cleaned photo survives an error anywhere on the form: it waits in gallery.kept and
    the form shows it as kept, so saving after the fix needs no second upload."""

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self.errors:
            return
        for name, photo in self.photos():
            photo.kept_token = photo.kept_token or kept.keep(photo)
            self.fields[name].widget.kept_token = photo.kept_token

    def save(self, commit=True):
        kept.forget_on_commit(photo.kept_token for _, photo in self.photos() if photo.kept_token)
        return super().save(commit)

    def photos(self):
        cleaned = getattr(self, "cleaned_data", {})
        return [(name, value) for name, value in cleaned.items() if isinstance(value, CleanPhoto)]
