import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_create_editor_makes_a_staff_member_of_the_editors_group_only(monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "a-long-test-password")
    call_command("create_editor", "maria", "maria@example.com")
    user = get_user_model().objects.get(username="maria")
    assert user.is_staff
    assert not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert user.check_password("a-long-test-password")
    assert user.has_perm("pages.change_page")
    assert not user.has_perm("auth.change_user")


def test_create_editor_refuses_a_weak_password_and_creates_nobody(monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "123")
    with pytest.raises(CommandError, match="too short"):
        call_command("create_editor", "maria", "maria@example.com")
    assert not get_user_model().objects.filter(username="maria").exists()


def test_create_editor_without_a_password_or_terminal_stops(monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="No password"):
        call_command("create_editor", "maria", "maria@example.com")
    assert not get_user_model().objects.filter(username="maria").exists()


def test_create_editor_turns_an_existing_account_into_an_editor(monkeypatch, django_user_model):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    django_user_model.objects.create_user("maria", "old@example.com", "a-long-test-password")
    call_command("create_editor", "maria", "maria@example.com")
    user = django_user_model.objects.get(username="maria")
    assert user.is_staff
    assert user.groups.filter(name="Editors").exists()
    assert user.check_password("a-long-test-password")


def test_create_editor_asks_again_after_a_common_password(monkeypatch, capsys):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    typed = iter(["password", "password", "a-long-test-password", "a-long-test-password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    call_command("create_editor", "maria", "maria@example.com")
    assert "too common" in capsys.readouterr().err
    assert get_user_model().objects.get(username="maria").check_password("a-long-test-password")
