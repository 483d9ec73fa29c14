"""Writing HSDS taxonomy terms: ours are recognised by id or by taxonomy and code; the terms of
other publishers are kept as ExternalTerm (staff map them onto ours later)."""

from django.utils.translation import gettext as _

from ontwikkelplein.opendata import hsds
from ontwikkelplein.opendata.importer.fields import as_uuid, assign
from ontwikkelplein.opendata.importer.rules import valid_url
from ontwikkelplein.opendata.models import ExternalTerm


class TermsWriter:
    """The Writer's part for taxonomies and taxonomy terms (see importer.writer)."""

    def _terms(self):
        self.external = {
            str(t.pk): t for t in ExternalTerm.objects.select_related("mapped_to__taxonomy")
        }
        for obj in self.bundle.terms.values():
            if obj.get("id") in hsds.HELP_POINT_TERM_IDS:
                continue  # help points: read as Location.has_ido / has_taalhuis
            self.term_for(obj, record=True)
        for tid, obj in self.bundle.taxonomies.items():
            if tid == hsds.HELP_POINT_TAXONOMY["id"]:
                continue
            ours = self.taxonomies.get(as_uuid(tid)) or self.taxonomy_by_name.get(
                (obj.get("name") or "").lower()
            )
            if ours is None:
                self.warn(
                    "taxonomy",
                    obj,
                    "id",
                    _("Taxonomieën van anderen worden niet bewaard, hun termen wel."),
                )
            self.outcome("taxonomy", tid, obj.get("name") or "", "unchanged")

    def term_for(self, obj: dict, *, record: bool = False):
        """Our TaxonomyTerm, or the ExternalTerm kept for it."""
        tid = obj.get("id")
        uid = as_uuid(tid)
        ours = self.our_terms.get(uid)
        if ours is None:
            detail = (
                obj.get("taxonomy_detail") if isinstance(obj.get("taxonomy_detail"), dict) else {}
            )
            taxonomy = self.taxonomies.get(as_uuid(obj.get("taxonomy_id") or detail.get("id")))
            if taxonomy is None:
                taxonomy = self.taxonomy_by_name.get(
                    str(obj.get("taxonomy") or detail.get("name") or "").lower()
                )
            if taxonomy is not None and obj.get("code"):
                ours = self.terms_by_code.get((taxonomy.slug, obj["code"]))
        if ours is not None:
            if record:
                self.outcome("taxonomy_term", tid, obj.get("name") or "", "unchanged")
            return ours
        external = self.external.get(str(uid))
        detail = obj.get("taxonomy_detail") if isinstance(obj.get("taxonomy_detail"), dict) else {}
        values = {
            "taxonomy": str(obj.get("taxonomy") or detail.get("name") or "")[:200],
            "taxonomy_id": as_uuid(obj.get("taxonomy_id") or detail.get("id")),
            "code": str(obj.get("code") or "")[:200],
            "name": str(obj.get("name") or "")[:300],
            "description": obj.get("description") or "",
            "parent_id": as_uuid(obj.get("parent_id")),
            "language": str(obj.get("language") or "")[:20],
            "term_uri": obj.get("term_uri") if valid_url(obj.get("term_uri") or "") else "",
        }
        if external is None:
            external = ExternalTerm(id=uid)
            assign(external, values)
            external.save()
            outcome = "created"
        else:
            outcome = "changed" if assign(external, values) else "unchanged"
            if outcome == "changed":
                external.save()
        self.external[str(uid)] = external
        if record or outcome == "created":
            self.outcome("taxonomy_term", tid, values["name"], outcome)
        return external
