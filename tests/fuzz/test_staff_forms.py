"""Property: no staff form's choice field gives a 500 or changes anything when it names
something that does not exist, something of another organisation, or no id at all.

The staff pages of library A are opened as its team leader (lists without an id,
and every page of one of A's records in the tenancy world); every POST form on them is sent as a
browser would, with one choice (a select, radio or checkbox) replaced by a hostile value: a
random id, an id of library B's records, text that is no id, NUL, a number of thousands of
digits. The answer is a form error or a Dutch message (a 2xx, a redirect or a 4xx), never a 500,
and the database is unchanged."""

import uuid

import pytest
from django.core.cache import cache
from hypothesis import given, settings
from hypothesis import strategies as st

from ontwikkelplein.organisations.models import Role
from tests.fuzz import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _ids_of(world, key) -> list[str]:
    ids = [str(world.organisations[key].pk)]
    ids += [str(user.pk) for user in world.users[key].values()]
    ids += [str(obj.pk) for obj in world.objects[key].values() if getattr(obj, "pk", None)]
    return ids


def _staff_pages(client, world) -> list[str]:
    """Paths of staff pages that open (200): those without an id, and those with one of A's
    records."""
    own_ids = _ids_of(world, "A")
    pages = []
    for route in helpers.routes():
        if not helpers.is_staff(route):
            continue
        if not route.has_args:
            candidates = [route.path()]
        elif (
            len(route.converters) == 1
            and "UUID" in type(next(iter(route.converters.values()))).__name__
        ):
            (name,) = route.converters
            candidates = [route.path({name: value}) for value in own_ids]
        else:
            continue
        for path in candidates:
            response = client.get(path)
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                pages.append(path)
                break
    return pages


def _forms(client, path):
    html = client.get(path).content.decode("utf-8")
    for form in helpers.parse_page(html).forms:
        if form.method == "post" and form.choices:
            yield form


# Yes/no controls: Django's BooleanField reads any text but "false"/"0" as yes, by design.
BOOLEAN_OPTIONS = {"on", "1", "0", "true", "false", "True", "False", "ja", "nee", "unknown", ""}


def choice_fields(form) -> list[str]:
    """The form's real choices: selects, radio groups and checkbox groups, not yes/no boxes."""
    return sorted(
        name for name, options in form.choices.items() if not set(options) <= BOOLEAN_OPTIONS
    )


def _form_property(client, path, form, bad_values, failures):
    fields = choice_fields(form)
    if not fields:
        return
    action = form.action or path

    @given(field=st.sampled_from(fields), bad=st.sampled_from(bad_values))
    @settings(parent=helpers.SETTINGS, max_examples=min(2 * len(fields), 6))
    def run(field, bad):
        data = [(name, value) for name, value in form.fields if name != field]
        data.append((field, bad))
        payload = {}
        for name, value in data:
            payload.setdefault(name, []).append(value)
        response = client.post(action, payload)
        helpers.assert_clear_refusal(response)

    before = helpers.snapshot()
    try:
        run()
        assert helpers.changes(before, helpers.snapshot()) == {}, "the database changed"
    except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001 - report them all
        failures.append(f"{action} {fields}: {error}")


def test_no_staff_choice_gives_a_500_or_changes_anything(client, tenancy_world):
    # The team leader: the library role with the most forms.
    world = tenancy_world
    client.force_login(world.users["A"][Role.TEAM_LEADER])
    bad_values = [
        str(uuid.uuid4()),
        "00000000-0000-0000-0000-000000000000",
        *_ids_of(world, "B")[:12],
        "niet-een-id",
        "\x00",
        helpers.HUGE_INTEGER,
        "-1",
    ]
    pages = _staff_pages(client, world)
    assert len(pages) > 15, pages
    failures, tried = [], 0
    for path in pages:
        for form in _forms(client, path):
            tried += 1
            _form_property(client, path, form, bad_values, failures)
    assert tried > 10
    assert not failures, "\n\n".join(failures)
