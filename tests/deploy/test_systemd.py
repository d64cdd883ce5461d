"""deploy/systemd/: the units and timers systemd would load, checked by systemd-analyze."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

UNITS = Path(settings.BASE_DIR) / "deploy" / "systemd"

pytestmark = pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")


def installed(tmp_path):
    """The units as installed for this checkout: its code in place of /srv/clinic."""
    for unit in UNITS.iterdir():
        text = unit.read_text().replace("/srv/clinic", str(settings.BASE_DIR))
        (tmp_path / unit.name).write_text(text.replace("ReadWritePaths=/var/lib/clinic", f"ReadWritePaths={tmp_path}"))
    return sorted(tmp_path.iterdir())


def test_every_unit_and_timer_passes_systemd_analyze_verify(tmp_path):
    units = installed(tmp_path)
    assert {unit.name for unit in units} >= {"clinic-site.service", "clinic-purge.timer", "clinic-backup.timer"}
    result = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True)
    # It warns (and still exits 0) on an unknown value or a missing program: no line at all is allowed.
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr


def test_gunicorn_runs_sandboxed_as_its_own_user():
    service = (UNITS / "clinic-site.service").read_text()
    for line in ("User=clinic", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/clinic",
                 "CapabilityBoundingSet=", "PrivateTmp=yes"):
        assert f"\n{line}\n" in service, line


def test_the_timers_purge_daily_and_back_up_nightly_keeping_fourteen(tmp_path):
    assert "OnCalendar=daily" in (UNITS / "clinic-purge.timer").read_text()
    assert "purge_consultation_requests" in (UNITS / "clinic-purge.service").read_text()
    backup = (UNITS / "clinic-backup.service").read_text()
    assert "backup_site /var/lib/clinic/backups/site-" in backup
    # The rotation, run on 16 dated archives, keeps the newest 14.
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 17):
        archive = folder / f"site-2026-01-{day:02}.tar.gz"
        archive.write_bytes(b"")
        subprocess.run(["touch", "-d", f"2026-01-{day:02}", archive], check=True)
    rotation = next(line for line in backup.splitlines() if line.startswith("ExecStartPost="))
    command = rotation.removeprefix("ExecStartPost=/bin/sh -c '").removesuffix("'").replace("/var/lib/clinic", str(tmp_path))
    subprocess.run(["/bin/sh", "-c", command], check=True)
    assert sorted(path.name for path in folder.iterdir()) == [f"site-2026-01-{day:02}.tar.gz" for day in range(3, 17)]
