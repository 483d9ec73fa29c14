"""Looking up learning objects within the user's scope: a group of an organisation the user may
not read answers 404, so another library's groups and participants are never read, let alone
shown; one of an organisation they may read (their own library as front desk, the KB) but whose
groups are not theirs to see answers 403 (organisations.scoping decides which)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ontwikkelplein.learning import selectors
from ontwikkelplein.learning.models import Group, Meeting, Participant
from ontwikkelplein.organisations import scoping


def visible_group(user, pk) -> Group:
    group = selectors.visible_groups(user).filter(pk=pk).first()
    if group is None:
        library = Group.objects.filter(pk=pk).values_list("library_id", flat=True).first()
        scoping.require_read(user, library)
        raise PermissionDenied(_("Je mag de groepen van je organisatie niet bekijken."))
    return group


def managed_group(user, pk) -> Group:
    """A group the user may change; 403 when they may only read it."""
    group = visible_group(user, pk)
    if not selectors.can_manage_group(user, group):
        raise PermissionDenied(_("Je mag deze groep alleen bekijken, niet wijzigen."))
    return group


def managed_meeting(user, pk) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("group__trajectory"), pk=pk)
    managed_group(user, meeting.group_id)
    return meeting


def visible_participant(user, pk) -> Participant:
    participant = (
        Participant.objects.select_related("group__trajectory__issuer", "group__library")
        .filter(pk=pk)
        .first()
    )
    if participant is None:
        raise Http404
    if not selectors.can_see_participant(user, participant):
        scoping.require_read(user, participant.group.library_id)
        raise PermissionDenied(_("Je mag de groepen van je organisatie niet bekijken."))
    return participant
