"""Looking up learning objects within the user's scope: anything outside it answers 404, so
another library's groups and participants are never read, let alone shown."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ontwikkelplein.learning import selectors
from ontwikkelplein.learning.models import Group, Meeting, Participant


def visible_group(user, pk) -> Group:
    return get_object_or_404(selectors.visible_groups(user), pk=pk)


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
    if participant is None or not selectors.can_see_participant(user, participant):
        raise Http404
    return participant
