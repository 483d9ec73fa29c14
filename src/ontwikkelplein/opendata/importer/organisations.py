"""Writing HSDS organizations as Organisations: matched by id, else by name; or everything
imported for the one organisation chosen at the start."""

from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from ontwikkelplein.opendata.importer.fields import as_uuid, assign, clean_url, first_phone, isil_of
from ontwikkelplein.opendata.importer.report import conflict_message
from ontwikkelplein.organisations import scoping
from ontwikkelplein.organisations.models import Organisation, OrganisationKind, PartnerSector

# Domains of mailbox providers: an address there says nothing about the organisation's name.
MAILBOX_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.com",
        "live.nl",
        "msn.com",
        "yahoo.com",
        "yahoo.nl",
        "icloud.com",
        "me.com",
        "ziggo.nl",
        "kpnmail.nl",
        "kpnplanet.nl",
        "planet.nl",
        "home.nl",
        "xs4all.nl",
        "hetnet.nl",
        "chello.nl",
        "upcmail.nl",
        "casema.nl",
        "zeelandnet.nl",
        "telfort.nl",
        "tele2.nl",
        "quicknet.nl",
        "online.nl",
        "proton.me",
        "protonmail.com",
    }
)


def domain_name(website, email) -> tuple[str, str]:
    """A name for an organisation without one: the host of its website without "www."
    (buurtwerk-utrecht.nl), else the domain of its e-mail address when that is not a mailbox
    provider's; with the words saying where it came from. ("", "") when neither is usable."""
    try:
        host = (urlsplit(str(website or "").strip()).hostname or "").lower()
    except ValueError:
        host = ""
    host = host.removeprefix("www.")
    if "." in host:
        return host[:200], _("het webadres")
    domain = str(email or "").strip().rpartition("@")[2].lower()
    if "." in domain and domain not in MAILBOX_DOMAINS:
        return domain[:200], _("het e-mailadres")
    return "", ""


class OrganisationsWriter:
    """The Writer's part for organisations (see importer.writer)."""

    def _organisations(self):
        records = self.bundle.organizations
        if self.target is not None:
            for oid, obj in records.items():
                self.org_map[oid] = self.target
                if oid != str(self.target.pk) and (obj.get("name") or "") != self.target.name:
                    self.warn(
                        "organization",
                        obj,
                        "id",
                        _(
                            "Niet als eigen organisatie opgeslagen: "
                            "alles is geïmporteerd voor %(target)s."
                        )
                        % {"target": self.target.name},
                    )
            return
        if self.user is not None and not scoping.is_kb_admin(self.user):
            for obj in records.values():
                self.error(
                    "organization",
                    obj,
                    "id",
                    _("Kies de organisatie waarvoor je importeert."),
                )
            return
        ids = [as_uuid(oid) for oid in records]
        by_id = {str(o.pk): o for o in Organisation.objects.filter(pk__in=[i for i in ids if i])}
        names = {(obj.get("name") or "").strip().lower() for obj in records.values()}
        by_name = {
            o.name.lower(): o for o in Organisation.objects.filter(name__in=[n for n in names if n])
        }
        if len(by_name) < len(names):  # name__in is case-sensitive on PostgreSQL
            for o in Organisation.objects.all().only("id", "name"):
                by_name.setdefault(o.name.lower(), o)
        for oid, obj in records.items():
            name = (obj.get("name") or "").strip()
            organisation = by_id.get(oid) or (by_name.get(name.lower()) if name else None)
            unnamed = False
            if not name:  # valid HSDS ("" is a string); ours needs one
                name, unnamed = self._name_for_unnamed(oid, obj, organisation)
            values = {
                "name": name,
                "description": obj.get("description") or "",
                "website": clean_url(obj.get("website")),
                "email": obj.get("email") or "",
                "phone": first_phone(obj)[:30],
                "isil": isil_of(obj),
            }
            if organisation is None:
                organisation = Organisation(
                    id=as_uuid(oid), kind=OrganisationKind.PARTNER, sector=PartnerSector.OTHER
                )
                assign(organisation, values)
                organisation.save()
                self.outcome("organization", oid, name, "created")
            else:
                changed = assign(organisation, values, keep_blank=("isil", "phone"))
                if changed:
                    organisation.save()
                self.outcome("organization", oid, name, "changed" if changed else "unchanged")
            self.org_map[oid] = organisation
            if unnamed:
                self.unnamed_organisations.add(str(organisation.pk))

    def _name_for_unnamed(self, oid, obj, organisation) -> tuple[str, bool]:
        """An organisation whose name in the file is empty: the one we know keeps its name; a
        new one is named after the host of its website or the domain of its e-mail address
        (not a mailbox provider's), with a note; otherwise it gets a placeholder, and its offers
        stay drafts (importer.publishing) until staff give it a name."""
        raw = self.report.raw_ids.get(oid, oid)
        placeholder = (_("Organisatie zonder naam (%(id)s)") % {"id": raw})[:200]
        if organisation is not None and organisation.name != placeholder:
            return organisation.name, False
        derived, source = domain_name(obj.get("website"), obj.get("email"))
        if organisation is not None:
            derived = ""  # named by us before: it keeps that name until staff change it
        if derived and not Organisation.objects.filter(name__iexact=derived).exists():
            self.warn(
                "organization",
                obj,
                "name",
                _(
                    "De organisatie heeft geen naam in het bestand; ze heet nu ‘%(name)s’ (naar "
                    "%(source)s). Controleer de naam."
                )
                % {"name": derived, "source": source},
            )
            return derived, False
        self.warn(
            "organization",
            obj,
            "name",
            _(
                "De organisatie heeft geen naam; vul die in en publiceer dan. Haar aanbod is als "
                "concept opgeslagen."
            ),
        )
        return placeholder, True

    def organisation_for(self, organization_id, kind, obj) -> Organisation | None:
        if self.target is not None:
            return self.target
        if organization_id in self.org_map:
            return self.org_map[organization_id]
        uid = as_uuid(organization_id)
        organisation = Organisation.objects.filter(pk=uid).first() if uid else None
        if organisation is None:
            self.error(
                kind,
                obj,
                "organization_id",
                _(
                    "Onbekende organisatie: neem de organisatie op in het bestand "
                    "of kies er een bij het importeren."
                ),
            )
        elif not self.may_write(organisation.pk):
            self.error(
                kind,
                obj,
                "organization_id",
                conflict_message("organization"),
            )
            organisation = None
        if organization_id:
            self.org_map[organization_id] = organisation
        return organisation
