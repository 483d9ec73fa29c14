"""The generated permission matrix: every staff URL that takes an object id, for every demo role
and anonymous, against an object of the user's own organisation, of another organisation in the
same POI region and of one outside it, answers what the tenancy policy
(organisations/scoping.py) says.

The URLs come from the resolver, not from a list: a new staff URL with an object id fails
`test_every_staff_object_url_is_in_the_matrix` until it gets a row in CASES, so it can never be
skipped silently.

Each request runs in a savepoint that is rolled back, so a POST that changes something (publish,
close, remove) does not change the world for the next request. A view that only answers POST is
asked with an empty POST; one that answers GET with GET.
"""

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, SlugConverter, UUIDConverter

from ontwikkelplein.organisations.models import Role
from ontwikkelplein.organisations.tests.world import DEMO_ROLES

STAFF_PREFIXES = ("beheer/", "balie/")
NOT_STAFF = ("beheer/django/",)  # the Django admin has its own permission system
ID_CONVERTERS = (IntConverter, UUIDConverter, SlugConverter)

ANONYMOUS = "anonymous"
ROLES = list(DEMO_ROLES)
OWNERS = ("A", "A2", "B", "P", "POI_A", "KB")
# The region of the demo POI adviser (POI A covers Utrecht: libraries A, A2 and partner P).
REGION = {"A", "A2", "P"}

# Status classes: OK is a page (200) or a redirect after a change (302), or a form answered
# again with its errors (200/400); NOT_FOUND and FORBIDDEN are 404 and 403.
OK, NOT_FOUND, FORBIDDEN, LOGIN = "ok", 404, 403, "login"
MEMBER = {Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER, Role.PARTNER_STAFF}
EDITOR = {Role.SPECIALIST, Role.TEAM_LEADER, Role.PARTNER_STAFF}


def staff_object_urls() -> dict[str, str]:
    """Every staff URL name whose route takes an object id (int, uuid or slug), with its route."""
    found = {}

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace
                walk(
                    pattern.url_patterns,
                    route,
                    f"{namespace}:{ns}" if ns and namespace else ns or namespace,
                )
            elif isinstance(pattern, URLPattern):
                converters = getattr(pattern.pattern, "converters", {})
                if not route.startswith(STAFF_PREFIXES) or route.startswith(NOT_STAFF):
                    continue
                if any(isinstance(c, ID_CONVERTERS) for c in converters.values()):
                    name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                    found[name] = route

    walk(get_resolver().url_patterns, "", "")
    return found


@dataclass(frozen=True)
class Case:
    kind: str  # the key in world.objects[owner]
    rule: object  # (role, owner) -> expected status class
    kwargs: object = None  # obj -> URL kwargs; default {"pk": obj.pk}


def observe(world, client_for, name, case):
    """The status class for each (role, owner)."""
    table = {}
    for owner in OWNERS:
        obj = world.objects.get(owner, {}).get(case.kind)
        if obj is None:
            continue
        kwargs = case.kwargs(obj) if case.kwargs else {"pk": obj.pk}
        url = reverse(name, kwargs=kwargs)
        for role in [ANONYMOUS, *ROLES]:
            table[(role, owner)] = request_status(client_for(role), url)
    return table


def request_status(client, url):
    with transaction.atomic():
        response = client.get(url)
        if response.status_code == 405:
            response = client.post(url, {})
        transaction.set_rollback(True)
    code = response.status_code
    if (
        code == 302
        and "/account/" in response.get("Location", "")
        and "next=" in response["Location"]
    ):
        return LOGIN
    if code in (200, 302, 400):
        return OK
    return code


@pytest.fixture(scope="module")
def clients(tenancy_world, django_db_blocker):
    made = {ANONYMOUS: Client()}
    with django_db_blocker.unblock():
        for role in ROLES:
            client = Client()
            client.force_login(tenancy_world.user(role))
            made[role] = client
    return made.__getitem__


# --- The policy, per kind of page ---------------------------------------------------------------


def _owner_key(role):
    return DEMO_ROLES[role]


def read(members=MEMBER, poi=True, kb=True):
    """A page about one organisation's object: members with one of `members` roles read it
    (other members of the owner get 403); POI advisers read their region's, the KB everything
    (when `poi`/`kb`); everyone else gets 404."""

    def rule(role, owner):
        if role == ANONYMOUS:
            return LOGIN
        if _owner_key(role) == owner:
            return OK if role in members else FORBIDDEN
        if role == Role.POI_ADVISER and poi and owner in REGION:
            return OK
        if role == Role.KB_ADMIN and kb:
            return OK
        return NOT_FOUND

    return rule


def edit(members=EDITOR, poi_reads=True, kb_reads=True):
    """A change to one organisation's object: editors of the owner may; a user who may read the
    object but not change it gets 403; everyone else 404."""
    reads = read(MEMBER, poi=poi_reads, kb=kb_reads)

    def rule(role, owner):
        if role == ANONYMOUS:
            return LOGIN
        if _owner_key(role) == owner and role in members:
            return OK
        status = reads(role, owner)
        return FORBIDDEN if status == OK else status

    return rule


def gate(roles, inner):
    """A page only some roles use at all: every other role gets 403 for any id (which reveals
    nothing about the object), the allowed roles get `inner`."""

    def rule(role, owner):
        if role != ANONYMOUS and role not in roles:
            return FORBIDDEN
        return inner(role, owner)

    return rule


def any_staff(role, owner):
    """Network-wide objects (events, theme groups, trajectories, questionnaires)."""
    return LOGIN if role == ANONYMOUS else OK


def only_organiser(role, owner):
    """Objects of a POI or the KB, changed only by that organisation's own adviser/beheerder."""
    if role == ANONYMOUS:
        return LOGIN
    return OK if _owner_key(role) == owner else NOT_FOUND


def group_rule(managers):
    """Learning groups: the library's `managers` and the POI advisers of the region work with
    them; other users who may read the library (its front desk, the KB) get 403."""

    def rule(role, owner):
        if role == ANONYMOUS:
            return LOGIN
        if _owner_key(role) == owner and role in managers:
            return OK
        if role == Role.POI_ADVISER and owner in REGION:
            return OK
        if _owner_key(role) == owner or role == Role.KB_ADMIN:
            return FORBIDDEN
        return NOT_FOUND

    return rule


def participant_rule(role, owner):
    """A participant (library A's is its front-desk user): the participant, the group's
    managers and the region's POI adviser see them."""
    if role == Role.FRONT_DESK and owner == "A":
        return OK
    return group_rule({Role.SPECIALIST, Role.TEAM_LEADER})(role, owner)


def own_participation(role, owner):
    """A participant's own learning question: only they write it; whoever may see the
    participant gets 403."""
    status = participant_rule(role, owner)
    if status == OK and (role, owner) != (Role.FRONT_DESK, "A"):
        return FORBIDDEN
    return status


def notification(role, owner):
    """A notification is its user's alone (library A's belongs to its specialist)."""
    if role == ANONYMOUS:
        return LOGIN
    return OK if (role, owner) == (Role.SPECIALIST, "A") else NOT_FOUND


def export_rule(role, owner):
    """An export made by the worker is its maker's alone (library A's by its specialist)."""
    if role == ANONYMOUS:
        return LOGIN
    return OK if (role, owner) == (Role.SPECIALIST, "A") else NOT_FOUND


def import_rule(role, owner):
    """An import: its maker, the organisation's editors and the KB; readers of the
    organisation get 403."""
    if role == ANONYMOUS:
        return LOGIN
    if role == Role.KB_ADMIN:
        return OK
    return edit()(role, owner)


def referral_rule(handle):
    """Referrals hold personal data: only staff of the sending or receiving organisation (POI and
    KB get 403 for every id). Library A's referral stays in A; P's was sent by A to partner P:
    A's staff read it and add notes (`handle=False`), only P handles it (`handle=True`)."""

    def rule(role, owner):
        if role == ANONYMOUS:
            return LOGIN
        if _owner_key(role) == owner:
            return OK
        if owner == "P" and _owner_key(role) == "A":
            return FORBIDDEN if handle else OK
        return NOT_FOUND

    return gate(MEMBER, rule)


def template_read(role, owner):
    """National templates for everyone; a POI's for the staff of its region."""
    if role == ANONYMOUS:
        return LOGIN
    if owner == "KB" or role == Role.KB_ADMIN or _owner_key(role) in REGION | {"POI_A"}:
        return OK
    return NOT_FOUND


def template_edit(role, owner):
    status = template_read(role, owner)
    if status != OK:
        return status
    return OK if _owner_key(role) == owner else FORBIDDEN


def template_adopt(role, owner):
    status = template_read(role, owner)
    if status != OK:
        return status
    return OK if role in EDITOR else FORBIDDEN


READ = read()
EDIT = edit()
MEMBER_EDIT = edit(members=MEMBER)
PERSONAL = read(poi=False, kb=False)
DESK_ROLES = {Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER}
DESK = gate(DESK_ROLES, edit(members=DESK_ROLES, poi_reads=False, kb_reads=False))
REFERRAL_READ = referral_rule(handle=False)
REFERRAL_HANDLE = referral_rule(handle=True)
NOTIFICATION = notification
KB_ONLY = gate({Role.KB_ADMIN}, any_staff)
IMPORT = import_rule
EXPORT = export_rule
ORGANISER_EDIT = gate({Role.POI_ADVISER, Role.KB_ADMIN}, only_organiser)
ANY_STAFF = any_staff
GROUP = group_rule({Role.SPECIALIST, Role.TEAM_LEADER})
GROUP_ACCEPT = group_rule(set())
PARTICIPANT = participant_rule
OWN_PARTICIPATION = own_participation
TEMPLATE_READ = template_read
TEMPLATE_EDIT = template_edit
TEMPLATE_ADOPT = template_adopt


def register_keeper(role, owner):
    """The programme register is kept by the KB and the POI of the library's region; the
    library's own staff read it (403), everyone else gets 404."""
    if role == ANONYMOUS:
        return LOGIN
    if role == Role.KB_ADMIN:
        return OK
    if role == Role.POI_ADVISER:
        return OK if owner in REGION else NOT_FOUND
    return FORBIDDEN if _owner_key(role) == owner else NOT_FOUND


def material_read(role, owner):
    """Learning materials: the national list (under "KB") for every staff member; a library's
    own as any of its data (its staff, the region's POI adviser, the KB)."""
    if owner == "KB":
        return any_staff(role, owner)
    return READ(role, owner)


def material_edit(role, owner):
    """The national list is kept by the KB and the POI advisers (everyone else reads it: 403);
    a library's own by its editors."""
    if owner == "KB":
        if role == ANONYMOUS:
            return LOGIN
        return OK if role in (Role.KB_ADMIN, Role.POI_ADVISER) else FORBIDDEN
    return EDIT(role, owner)


# Pages about an organisation as a whole for its own staff only ("Op uw website"): no reading
# by the POI or the KB, as the page is about what the organisation itself puts on its website.
OWN_ORGANISATION = read(MEMBER, poi=False, kb=False)

PROPOSERS = {Role.SPECIALIST, Role.TEAM_LEADER}
REGISTER_READ = gate(PROPOSERS | {Role.POI_ADVISER, Role.KB_ADMIN}, read(members=PROPOSERS))
REGISTER_KEEP = register_keeper
REGISTER_PROPOSE = edit(members=PROPOSERS)
# The Taalhuis quality framework (docs/reports.md): the library's specialists and team leaders
# write their own; the region's POI and the KB read it; the front desk and partners never use it.
QUALITY_ROLES = PROPOSERS | {Role.POI_ADVISER, Role.KB_ADMIN}
QUALITY_READ = gate(QUALITY_ROLES, read(members=PROPOSERS))
QUALITY_WRITE = gate(QUALITY_ROLES, edit(members=PROPOSERS))
QUALITY_TAKE_OVER = gate(QUALITY_ROLES, register_keeper)
# Reports (docs/reports.md "Quarterly and yearly reports"): the KB writes the national report, the
# POI its region's, the library's specialists and team leaders its yearly report. The KB reads
# every report, the region's POI a library's; front desk and partners never use them (403).
REPORT_ROLES = PROPOSERS | {Role.POI_ADVISER, Role.KB_ADMIN}
REPORT_WRITERS = {"KB": Role.KB_ADMIN, "POI_A": Role.POI_ADVISER}


def report_rule(write: bool):
    def rule(role, owner):
        if role == ANONYMOUS:
            return LOGIN
        if role not in REPORT_ROLES:
            return FORBIDDEN
        if owner in REPORT_WRITERS:
            if role == REPORT_WRITERS[owner]:
                return OK
            if owner == "POI_A" and role == Role.KB_ADMIN:
                return FORBIDDEN if write else OK
            return NOT_FOUND
        if _owner_key(role) == owner:
            return OK
        readable = role == Role.KB_ADMIN or (role == Role.POI_ADVISER and owner in REGION)
        if readable:
            return FORBIDDEN if write else OK
        return NOT_FOUND

    return rule


REPORT_READ = report_rule(write=False)
REPORT_WRITE = report_rule(write=True)

# Activity plans (draaiboeken, community.md): the library's own work. Its front desk, specialists
# and team leaders read a plan, the specialists and team leaders change it; nobody else opens
# one (the POI and the KB see only figures, another library's plan answers 404).
PLAN_READ = read(members={Role.FRONT_DESK, *PROPOSERS}, poi=False, kb=False)
PLAN_EDIT = edit(members=PROPOSERS, poi_reads=False, kb_reads=False)


def network_rule(members):
    """The library's network (docs/community.md): its front desk reads, its specialists and
    team leaders write; the region's POI and the KB see counts only, so they get 403 for every
    stakeholder, agreement and document they could read; everyone else gets 404."""

    def rule(role, owner):
        if role == ANONYMOUS:
            return LOGIN
        if _owner_key(role) == owner:
            return OK if role in members else FORBIDDEN
        if (role == Role.POI_ADVISER and owner in REGION) or role == Role.KB_ADMIN:
            return FORBIDDEN
        return NOT_FOUND

    return rule


NETWORK_READ = network_rule({Role.FRONT_DESK, Role.SPECIALIST, Role.TEAM_LEADER})
NETWORK_WRITE = network_rule(PROPOSERS)


def _need_phrase(obj) -> dict:
    """URL kwargs for the first phrase of the needs vocabulary (seeded by migration)."""
    return {"pk": apps.get_model("catalogue", "NeedPhrase").objects.order_by("pk").first().pk}


def _theme_term(obj) -> dict:
    """URL kwargs for a theme (seeded by migration), whose classification words the KB keeps."""
    terms = apps.get_model("catalogue", "TaxonomyTerm").objects
    return {"pk": terms.filter(taxonomy__slug="thema").order_by("code").first().pk}


def _wayfinder(model: str) -> dict:
    """URL kwargs for the first wegwijzer object of a model (no import: organisations may not)."""
    return {"pk": apps.get_model("wayfinder", model).objects.order_by("pk").first().pk}


def reading_label(role, owner):
    """The leeswijzer: a library's own table is changed by its editors (readers get 403); the
    national table (under "KB") only by the KB-beheerder, every other staff member gets 403."""
    if owner == "KB":
        return KB_ONLY(role, owner)
    return EDIT(role, owner)


# BoekStart registrations: the library's desk staff only (POI, KB and partners get 403 for every
# id); another library's registration is not found.
BOEKSTART = gate(DESK_ROLES, read(members=DESK_ROLES, poi=False, kb=False))


CASES: dict[str, Case] = {
    "readingguide:label-edit": Case("reading_label", reading_label),
    "readingguide:label-delete": Case("reading_label", reading_label),
    "boekstart:remove": Case("boekstart_registration", BOEKSTART),
    "organisations:location-edit": Case("location", EDIT),
    # An organisation's branding (its id in the address): set by its editors, as its locations.
    "branding:staff-edit": Case("location", EDIT, lambda o: {"pk": o.organisation_id}),
    "catalogue:staff-embed": Case("organisation", OWN_ORGANISATION),
    "desk:screen-edit": Case("contact", DESK),
    "desk:screen-remove": Case("contact", DESK),
    "referrals:staff-detail": Case("referral", REFERRAL_READ),
    "referrals:staff-receive": Case("referral", REFERRAL_HANDLE),
    "referrals:staff-status": Case("referral", REFERRAL_HANDLE),
    "referrals:staff-close": Case("referral", REFERRAL_HANDLE),
    "referrals:staff-reopen": Case("referral", REFERRAL_HANDLE),
    "referrals:staff-assign": Case("referral", REFERRAL_HANDLE),
    "referrals:staff-note": Case("referral", REFERRAL_READ),
    "referrals:staff-person-export": Case("referral", REFERRAL_READ),
    "referrals:staff-person-erase": Case("referral", REFERRAL_READ),
    "notifications:mark-read": Case("notification", NOTIFICATION),
    "opendata:import-term-map": Case("external_term", KB_ONLY),
    "opendata:import-detail": Case("import", IMPORT),
    "opendata:import-start": Case("import", IMPORT),
    "opendata:import-duplicate": Case(
        "duplicate", IMPORT, lambda d: {"pk": d.run_id, "duplicate_pk": d.pk}
    ),
    "opendata:export-detail": Case("export", EXPORT),
    "opendata:export-download": Case("export", EXPORT),
    "learning:trajectory-edit": Case("trajectory", ORGANISER_EDIT),
    "learning:trajectory-detail": Case("trajectory", ANY_STAFF),
    "learning:group-detail": Case("group", GROUP),
    "learning:group-accept": Case("group", GROUP_ACCEPT),
    "learning:group-complete": Case("group", GROUP),
    "learning:participant-add": Case("group", GROUP),
    "learning:meeting-add": Case("group", GROUP),
    "learning:import": Case("group", GROUP),
    "learning:questions": Case("group", GROUP),
    "learning:question-revisit": Case("question", GROUP),
    "learning:meeting-edit": Case("meeting", GROUP),
    "learning:attendance": Case("meeting", GROUP),
    "learning:participant-detail": Case("participant", PARTICIPANT),
    "learning:own-question": Case("participant", OWN_PARTICIPATION),
    "learning:certificate-pdf": Case("certificate", PARTICIPANT),
    "learning:event-detail": Case("event", ANY_STAFF),
    "learning:event-sign-up": Case("event", ANY_STAFF),
    "learning:theme-group-detail": Case("theme_group", ANY_STAFF),
    "learning:theme-group-membership": Case("theme_group", ANY_STAFF),
    "courses:staff-run-detail": Case("run", READ),
    "courses:staff-run-edit": Case("run", EDIT),
    "courses:staff-run-publish": Case("run", EDIT),
    "courses:staff-run-cancel": Case("run", EDIT),
    "courses:staff-run-sessions": Case("run", EDIT),
    "courses:staff-run-helpers": Case("run", EDIT),
    "courses:staff-enrol": Case("run", MEMBER_EDIT),
    "courses:staff-enrolment-action": Case("enrolment", MEMBER_EDIT),
    "courses:staff-enrolment-print": Case("enrolment", MEMBER_EDIT),
    "courses:staff-enrolment-pdf": Case("enrolment", MEMBER_EDIT),
    "courses:staff-register": Case("session", MEMBER_EDIT),
    "impact:staff-question-set": Case("question_set", KB_ONLY, lambda o: {"slug": o.slug}),
    "impact:staff-run": Case("run", PERSONAL, lambda o: {"run_id": o.pk}),
    "impact:staff-run-measurement": Case("run", PERSONAL, lambda o: {"run_id": o.pk}),
    "impact:staff-run-cards": Case("run", PERSONAL, lambda o: {"run_id": o.pk}),
    "impact:staff-run-story": Case("run", PERSONAL, lambda o: {"run_id": o.pk}),
    "impact:staff-run-export": Case("run", PERSONAL, lambda o: {"run_id": o.pk}),
    "impact:staff-print": Case(
        "question_set", ANY_STAFF, lambda o: {"slug": o.slug, "moment": "voor"}
    ),
    "impact:staff-pdf": Case("question_set", ANY_STAFF, lambda o: {"slug": o.slug, "moment": "na"}),
    "catalogue:staff-offer-preview": Case("offer", READ),
    "catalogue:staff-offer-edit": Case("offer", EDIT),
    "catalogue:staff-offer-schedules": Case("offer", EDIT),
    "catalogue:staff-offer-translations": Case("offer", EDIT),
    "catalogue:staff-offer-publish": Case("offer", EDIT),
    "catalogue:staff-offer-archive": Case("offer", EDIT),
    "catalogue:staff-offer-verify": Case("offer", EDIT),
    "catalogue:staff-template-suggestion": Case("offer", EDIT),
    # A partner's suggested change (docs/offer-verification.md): decided by the offer's editors.
    "verification:suggestion-accept": Case("change_suggestion", EDIT),
    "verification:suggestion-dismiss": Case("change_suggestion", EDIT),
    # The programme register (docs/reports.md): read by the library's specialists and team
    # leaders, the region's POI and the KB; kept by the POI and the KB; proposed to by the
    # library's specialists and team leaders.
    "participation:library": Case(
        "participation", REGISTER_READ, lambda p: {"pk": p.organisation_id}
    ),
    "participation:add": Case("participation", REGISTER_KEEP, lambda p: {"pk": p.organisation_id}),
    "participation:propose": Case(
        "participation", REGISTER_PROPOSE, lambda p: {"pk": p.organisation_id}
    ),
    "participation:edit": Case("participation", REGISTER_KEEP),
    "participation:delete": Case("participation", REGISTER_KEEP),
    "participation:decide": Case("participation_proposal", REGISTER_KEEP),
    # The Taalhuis quality framework (docs/reports.md): its pages take the library's id.
    "quality:evaluation": Case(
        "quality_evaluation", QUALITY_READ, lambda e: {"pk": e.organisation_id}
    ),
    "quality:document": Case(
        "quality_evaluation", QUALITY_READ, lambda e: {"pk": e.organisation_id}
    ),
    "quality:steps": Case("quality_evaluation", QUALITY_WRITE, lambda e: {"pk": e.organisation_id}),
    "quality:norm": Case(
        "quality_evaluation",
        QUALITY_WRITE,
        lambda e: {"pk": e.organisation_id, "code": "middelen"},
    ),
    "quality:upload": Case(
        "quality_evaluation",
        QUALITY_WRITE,
        lambda e: {"pk": e.organisation_id, "code": "middelen"},
    ),
    "quality:take-over": Case(
        "quality_evaluation", QUALITY_TAKE_OVER, lambda e: {"pk": e.organisation_id}
    ),
    "quality:download": Case("quality_attachment", QUALITY_READ),
    "quality:delete-attachment": Case("quality_attachment", QUALITY_WRITE),
    # Reports: their pages take the report's id (and a theme).
    "reports:detail": Case("report", REPORT_READ),
    "reports:draft-pdf": Case("report", REPORT_READ),
    "reports:text": Case("report", REPORT_WRITE, lambda r: {"pk": r.pk, "theme": "inleiding"}),
    "reports:publish": Case("report", REPORT_WRITE),
    "activityplans:detail": Case("activity_plan", PLAN_READ),
    "activityplans:edit": Case("activity_plan", PLAN_EDIT),
    "activityplans:copy": Case("activity_plan", PLAN_EDIT),
    "activityplans:delete": Case("activity_plan", PLAN_EDIT),
    "activityplans:task-add": Case("activity_plan", PLAN_EDIT),
    "activityplans:partner-add": Case("activity_plan", PLAN_EDIT),
    "activityplans:make-offer": Case("activity_plan", PLAN_EDIT),
    "activityplans:evaluation": Case("activity_plan", PLAN_EDIT),
    "activityplans:task-edit": Case("plan_task", PLAN_EDIT),
    # Ticking off: the plan's writers and the task's owner (the world's task has none).
    "activityplans:task-done": Case("plan_task", PLAN_EDIT),
    "activityplans:task-delete": Case("plan_task", PLAN_EDIT),
    "activityplans:partner-delete": Case("plan_partner", PLAN_EDIT),
    # The library's network (docs/community.md).
    # The neighbourhood's needs (community.md): the notes are written by the library's
    # specialists and team leaders; the POI and the KB read the page in aggregate only (403).
    "needs:note-edit": Case("need_note", NETWORK_WRITE),
    "needs:note-delete": Case("need_note", NETWORK_WRITE),
    "network:detail": Case("network_stakeholder", NETWORK_READ),
    "network:edit": Case("network_stakeholder", NETWORK_WRITE),
    "network:delete": Case("network_stakeholder", NETWORK_WRITE),
    "network:contact-new": Case("network_stakeholder", NETWORK_WRITE),
    "network:agreement-new": Case("network_stakeholder", NETWORK_WRITE),
    "network:contact-edit": Case("network_contact", NETWORK_WRITE),
    "network:contact-delete": Case("network_contact", NETWORK_WRITE),
    "network:agreement": Case("network_agreement", NETWORK_READ),
    "network:agreement-edit": Case("network_agreement", NETWORK_WRITE),
    "network:agreement-delete": Case("network_agreement", NETWORK_WRITE),
    "network:upload": Case("network_agreement", NETWORK_WRITE),
    "network:download": Case("network_document", NETWORK_READ),
    "network:document-delete": Case("network_document", NETWORK_WRITE),
    # EMB in verbinding (docs/community.md): the same rule as the network.
    "connections:action-edit": Case("connection_action", NETWORK_WRITE),
    "connections:action-toggle": Case("connection_action", NETWORK_WRITE),
    "connections:action-delete": Case("connection_action", NETWORK_WRITE),
    "catalogue:staff-template-detail": Case("template", TEMPLATE_READ),
    "catalogue:staff-template-edit": Case("template", TEMPLATE_EDIT),
    "catalogue:staff-template-adopt": Case("template", TEMPLATE_ADOPT),
    # The national content of "Herkennen en doorverwijzen": only the KB changes it.
    "desk:recognise-signalen-edit": Case("recognition_signal", KB_ONLY),
    "desk:recognise-vragen-edit": Case("recognition_question", KB_ONLY),
    "desk:recognise-routes-edit": Case("recognition_route", KB_ONLY),
    "desk:recognise-zelftests-edit": Case("recognition_tool", KB_ONLY),
    # A colleague's second factor (a learning participant's account): the KB-beheerder resets
    # anyone's; every other role gets 403 for every id.
    "accounts:factor-reset": Case("participant", KB_ONLY, lambda o: {"pk": o.user_id}),
    # The wegwijzer's versions, questions and answers are national: only the KB-beheerder edits
    # them; every other role gets 403 for every id (the seeded version 1 stands in for any).
    "wayfinder:version-detail": Case("external_term", KB_ONLY, lambda o: _wayfinder("Version")),
    "wayfinder:version-publish": Case("external_term", KB_ONLY, lambda o: _wayfinder("Version")),
    "wayfinder:version-delete": Case("external_term", KB_ONLY, lambda o: _wayfinder("Version")),
    "wayfinder:question-edit": Case("external_term", KB_ONLY, lambda o: _wayfinder("Question")),
    "wayfinder:answer-new": Case("external_term", KB_ONLY, lambda o: _wayfinder("Question")),
    "wayfinder:answer-edit": Case("external_term", KB_ONLY, lambda o: _wayfinder("Answer")),
    "wayfinder:answer-delete": Case("external_term", KB_ONLY, lambda o: _wayfinder("Answer")),
    # The needs vocabulary is national: only the KB-beheerder edits it.
    "catalogue:staff-need-phrase-edit": Case("external_term", KB_ONLY, _need_phrase),
    "catalogue:staff-need-phrase-delete": Case("external_term", KB_ONLY, _need_phrase),
    # So are the words per term for automatic classification.
    "catalogue:staff-term-keyword-edit": Case("external_term", KB_ONLY, _theme_term),
    # Learning materials (productencatalogus) and choosing an offer's or a run's materials.
    "materials:detail": Case("material", material_read),
    "materials:edit": Case("material", material_edit),
    "materials:offer": Case("offer", EDIT),
    "materials:run": Case("run", EDIT),
    # Confirming an automatic classification changes the offer: its editors only.
    "catalogue:staff-offer-confirm-classification": Case("offer", EDIT),
}


# --- The tests ------------------------------------------------------------------------------------


def test_every_staff_object_url_is_in_the_matrix():
    found = staff_object_urls()
    # The walk itself works: it finds staff pages with uuid, int and slug ids, not the admin.
    assert {"catalogue:staff-offer-edit", "notifications:mark-read", "impact:staff-print"} <= set(
        found
    )
    assert not [route for route in found.values() if route.startswith(NOT_STAFF)]
    missing = sorted(set(staff_object_urls()) - set(CASES))
    assert not missing, f"staff URLs with an object id but no row in CASES: {missing}"
    stale = sorted(set(CASES) - set(staff_object_urls()))
    assert not stale, f"rows in CASES for URLs that no longer exist: {stale}"


@pytest.mark.parametrize("name", sorted(staff_object_urls()))
def test_matrix(name, db, tenancy_world, clients):
    case = CASES[name]
    observed = observe(tenancy_world, clients, name, case)
    assert observed, f"{name}: no object of kind {case.kind!r} in the world"
    wrong = {
        f"{role} on {owner}'s": f"{status} (expected {case.rule(role, owner)})"
        for (role, owner), status in observed.items()
        if status != case.rule(role, owner)
    }
    assert not wrong, f"{name}: {wrong}"
