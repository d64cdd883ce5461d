"""Create (or update) a staff account in the "Editors" group: content, not accounts.

`createsuperuser` would give full power over users and permissions; editors get only
what the Editors group allows (see pages/roles.py).
"""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

PASSWORD_VARIABLE = "DJANGO_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        f"Create a staff account in the Editors group. The password comes from ${PASSWORD_VARIABLE} "
        "or is asked for. Run again for an existing user to make them an editor (and reset the "
        "password when one is given)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(username=username)
        user.email = email
        if password := os.environ.get(PASSWORD_VARIABLE):
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages))
        elif created:
            password = self.ask_password(user)
        if password:
            user.set_password(password)
        user.is_staff = True  # may log in to the admin; what they see there comes from the group
        user.save()
        user.groups.add(Group.objects.get(name="Editors"))
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} editor “{username}”. They log in at /admin/."))

    def ask_password(self, user):
        """Ask until the password is strong enough and typed the same twice, as createsuperuser does."""
        if not sys.stdin.isatty():
            raise CommandError(f"No password: set ${PASSWORD_VARIABLE} or run this in a terminal.")
        while True:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The two passwords differ. Try again.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages) + " Choose another password.")
                continue
            return password
