from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ontwikkelplein.apikeys import services
from ontwikkelplein.apikeys.models import ApiKey
from ontwikkelplein.apikeys.tests.factories import api_key
from ontwikkelplein.organisations.tests.factories import LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def run(name, *args):
    out = StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def test_create_api_key_prints_the_key_as_the_last_line():
    organisation = OrganisationFactory(name="Bibliotheek Eemland")
    output = run(
        "create_api_key", "--organisation", "Bibliotheek Eemland", "--scope", "contacts:write"
    )
    plain = output.strip().splitlines()[-1]
    stored = services.authenticate(plain)
    assert stored.organisation == organisation
    assert stored.scopes == ["contacts:write"]
    assert stored.location is None
    assert stored.prefix in output


def test_create_api_key_with_location_name_scopes_and_name():
    location = LocationFactory(name="Eemhuis")
    LocationFactory(name="Eemhuis")  # same name at another organisation: not a clash
    output = run(
        "create_api_key",
        "--organisation",
        location.organisation.name,
        "--scope",
        "contacts:write",
        "--scope",
        "referrals:write",
        "--location",
        "Eemhuis",
        "--name",
        "Kiosk hal",
    )
    stored = services.authenticate(output.strip().splitlines()[-1])
    assert stored.location == location
    assert stored.name == "Kiosk hal"
    assert stored.scopes == ["contacts:write", "referrals:write"]


def test_create_api_key_takes_a_location_id():
    location = LocationFactory()
    output = run(
        "create_api_key",
        "--organisation",
        location.organisation.name,
        "--scope",
        "contacts:write",
        "--location",
        str(location.pk),
    )
    assert services.authenticate(output.strip().splitlines()[-1]).location == location


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--organisation", "Bibliotheek Nergens", "--scope", "contacts:write"],
            "Geen organisatie",
        ),
        (["--organisation", "Bibliotheek Eemland", "--scope", "contacts:read"], "Onbekend recht"),
        (
            [
                "--organisation",
                "Bibliotheek Eemland",
                "--scope",
                "contacts:write",
                "--location",
                "X",
            ],
            "geen locatie",
        ),
    ],
)
def test_create_api_key_refuses_clearly(args, message):
    OrganisationFactory(name="Bibliotheek Eemland")
    with pytest.raises(CommandError, match=message):
        run("create_api_key", *args)
    assert not ApiKey.objects.exists()


def test_an_ambiguous_organisation_name_is_refused():
    OrganisationFactory(name="Bibliotheek Eemland")
    OrganisationFactory(name="BIBLIOTHEEK EEMLAND")
    with pytest.raises(CommandError, match="Meer dan één organisatie"):
        run("create_api_key", "--organisation", "bibliotheek eemland", "--scope", "contacts:write")
    # The exact name is not ambiguous.
    run("create_api_key", "--organisation", "Bibliotheek Eemland", "--scope", "contacts:write")
    assert ApiKey.objects.count() == 1


def test_an_ambiguous_location_name_asks_for_the_id():
    location = LocationFactory(name="Hal")
    LocationFactory(name="Hal", organisation=location.organisation)
    with pytest.raises(CommandError, match="geef het id"):
        run(
            "create_api_key",
            "--organisation",
            location.organisation.name,
            "--scope",
            "contacts:write",
            "--location",
            "Hal",
        )


def test_revoke_api_key_by_prefix_or_whole_key():
    stored, plain = api_key()
    output = run("revoke_api_key", stored.prefix)
    assert "ingetrokken" in output
    with pytest.raises(services.InvalidApiKey):
        services.authenticate(plain)
    other, other_plain = api_key()
    run("revoke_api_key", other_plain)
    assert ApiKey.objects.get(pk=other.pk).revoked_at is not None


def test_revoke_api_key_refuses_an_unknown_key():
    with pytest.raises(CommandError, match="Geen API-sleutel"):
        run("revoke_api_key", "op_00000000")
