"""The README's production settings pass Django's deployment checks without a warning."""

import os
import re
import subprocess
import sys

from django.conf import settings

README = settings.BASE_DIR / "README.md"


def production_exports() -> str:
    """Return the `export` lines of the README's deployment recipe, as a shell would run them."""
    section = README.read_text().split("## Deployment", 1)[1]
    recipe = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    lines = [line for line in recipe.splitlines() if line.startswith("export ")]
    assert any("SECURE_HSTS_SECONDS" in line for line in lines), "no HSTS in the README?"
    return "\n".join(lines)


def test_readme_production_settings_pass_check_deploy_without_warnings(tmp_path):
    script = f"{production_exports()}\nexec {sys.executable} manage.py check --deploy"
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "CIOR_VAR_DIR": str(tmp_path),
    }

    result = subprocess.run(
        ["bash", "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout, (
        result.stdout + result.stderr
    )


def test_proxy_header_is_not_believed_without_a_setting_saying_so(tmp_path):
    code = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    base = {"PATH": os.environ["PATH"], "CIOR_VAR_DIR": str(tmp_path), "SECRET_KEY": "x" * 50}

    def header(**extra):
        return (
            subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", code],
                cwd=settings.BASE_DIR,
                env={**base, **extra},
                capture_output=True,
                text=True,
                timeout=120,
            )
            .stdout.strip()
            .splitlines()[-1]
        )

    assert header() == "None"
    assert header(TRUSTED_PROXY_COUNT="1") == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert header(SECURE_PROXY_SSL_HEADER="1") == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert header(TRUSTED_PROXY_COUNT="1", SECURE_PROXY_SSL_HEADER="0") == "None"
