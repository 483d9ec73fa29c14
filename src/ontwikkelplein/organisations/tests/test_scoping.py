"""The tenancy policy itself (organisations/scoping.py), on the shared tenancy world."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ontwikkelplein.catalogue.models import Offer
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Membership, Role
from ontwikkelplein.organisations.tests.factories import staff_user

pytestmark = pytest.mark.django_db


def keys(world, organisations):
    by_pk = {org.pk: key for key, org in world.organisations.items()}
    return {by_pk[o.pk] for o in organisations if o.pk in by_pk}


def fresh(user):
    """The memberships are cached on the user object; a test that adds one starts over."""
    user.__dict__.pop("_ontwikkelplein_memberships", None)
    return user


@pytest.mark.parametrize(
    ("role", "readable", "editable"),
    [
        (Role.FRONT_DESK, {"A"}, set()),
        (Role.SPECIALIST, {"A"}, {"A"}),
        (Role.TEAM_LEADER, {"A"}, {"A"}),
        (Role.PARTNER_STAFF, {"P"}, {"P"}),
        (Role.POI_ADVISER, {"A", "A2", "P"}, set()),
        (Role.KB_ADMIN, {"A", "A2", "B", "P", "POI_A", "POI_B", "KB"}, set()),
    ],
)
def test_readable_and_editable_organisations_per_role(tenancy_world, role, readable, editable):
    user = tenancy_world.user(role)
    assert keys(tenancy_world, scoping.readable_organisations(user)) == readable
    assert keys(tenancy_world, scoping.editable_organisations(user)) == editable
    for key, organisation in tenancy_world.organisations.items():
        assert scoping.can_read(user, organisation) is (key in readable)
        assert scoping.can_read(user, organisation.pk) is (key in readable)
        assert scoping.can_edit(user, organisation) is (key in editable)


def test_region_is_the_pois_provinces(tenancy_world):
    adviser = tenancy_world.user(Role.POI_ADVISER)
    assert keys(tenancy_world, scoping.region_organisations(adviser)) == {"A", "A2", "P"}
    other = tenancy_world.users["POI_B"][Role.POI_ADVISER]
    assert keys(tenancy_world, scoping.region_organisations(other)) == {"B"}
    assert scoping.covering_poi_ids([tenancy_world.organisations["A"].pk]) == {
        tenancy_world.organisations["POI_A"].pk
    }


def test_a_region_counts_locations_too(tenancy_world):
    """An organisation serving no municipality in Utrecht but with a location there is in the
    Utrecht POI's region (the A2 library's location sits in A's municipality)."""
    world = tenancy_world
    library_b = world.organisations["B"]
    from ontwikkelplein.organisations.tests.factories import LocationFactory

    LocationFactory(organisation=library_b, municipality=world.municipality["A"])
    adviser = world.user(Role.POI_ADVISER)
    assert "B" in keys(world, scoping.region_organisations(adviser))


def test_the_poi_adviser_role_counts_only_at_a_poi(tenancy_world):
    """The organisation-kind check holds everywhere: a POI-adviser membership of a library or
    a KB-beheerder membership of a POI gives no region and no network."""
    world = tenancy_world
    user = staff_user(world.organisations["A2"], Role.POI_ADVISER)
    Membership.objects.create(user=user, organisation=world.organisations["POI_B"], role="kb_admin")
    fresh(user)
    assert not scoping.region_organisations(user).exists()
    assert not scoping.is_poi_adviser(user)
    assert not scoping.is_kb_admin(user)
    assert not scoping.has_role(user, Role.POI_ADVISER, Role.KB_ADMIN)
    assert not scoping.can_read(user, world.organisations["A"])


def test_the_two_verbs(tenancy_world):
    world = tenancy_world
    own, region, outside = (world.objects[k]["offer"] for k in ("A", "A2", "B"))
    specialist = world.user(Role.SPECIALIST)
    assert scoping.require_edit(specialist, own) is own
    with pytest.raises(Http404):
        scoping.require_read(specialist, region)
    with pytest.raises(Http404):
        scoping.require_edit(specialist, outside)

    adviser = world.user(Role.POI_ADVISER)
    assert scoping.require_read(adviser, region) is region
    with pytest.raises(PermissionDenied):
        scoping.require_edit(adviser, region)
    with pytest.raises(Http404):
        scoping.require_edit(adviser, outside)

    front_desk = world.user(Role.FRONT_DESK)
    with pytest.raises(PermissionDenied):
        scoping.require_edit(front_desk, own)
    with pytest.raises(PermissionDenied):
        scoping.require_member(front_desk, own, Role.TEAM_LEADER)
    assert scoping.require_member(front_desk, own) is own

    with pytest.raises(Http404):
        scoping.require_read(AnonymousUser(), own)
    with pytest.raises(Http404):
        scoping.require_read(specialist, None)


def test_objects_named_by_another_field(tenancy_world):
    group = tenancy_world.objects["A"]["group"]
    team_leader = tenancy_world.user(Role.TEAM_LEADER)
    assert scoping.can_edit(team_leader, group, field="library")
    assert not scoping.can_edit(tenancy_world.user(Role.POI_ADVISER), group, field="library")
    assert scoping.can_read(tenancy_world.user(Role.POI_ADVISER), group, field="library")


def test_visible_for_and_editable_for(tenancy_world):
    world = tenancy_world
    ours = Offer.objects.filter(
        pk__in=[world.objects[k]["offer"].pk for k in world.objects if "offer" in world.objects[k]]
    )

    def owners(queryset):
        return keys(world, [offer.organisation for offer in queryset])

    assert owners(scoping.visible_for(world.user(Role.POI_ADVISER), ours)) == {"A", "A2", "P"}
    assert owners(scoping.editable_for(world.user(Role.POI_ADVISER), ours)) == set()
    assert owners(scoping.visible_for(world.user(Role.FRONT_DESK), ours)) == {"A"}
    assert owners(scoping.editable_for(world.user(Role.FRONT_DESK), ours)) == set()
    assert owners(scoping.editable_for(world.user(Role.PARTNER_STAFF), ours)) == {"P"}
    assert owners(scoping.own_for(world.user(Role.KB_ADMIN), ours)) == set()
    assert owners(scoping.visible_for(world.user(Role.KB_ADMIN), ours)) == {"A", "A2", "B", "P"}


def test_team_leader(tenancy_world):
    world = tenancy_world
    leader = world.user(Role.TEAM_LEADER)
    assert scoping.is_team_leader(leader)
    assert scoping.is_team_leader(leader, world.organisations["A"])
    assert not scoping.is_team_leader(leader, world.organisations["A2"])
    assert not scoping.is_team_leader(world.user(Role.SPECIALIST))
    assert keys(world, scoping.team_led_organisations(leader)) == {"A"}
