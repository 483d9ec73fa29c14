import pytest
from django.core.exceptions import ValidationError

from ontwikkelplein.demo.impact import load_impact
from ontwikkelplein.impact import services
from ontwikkelplein.impact.models import (
    Answer,
    Card,
    ItemKind,
    Moment,
    QuestionSet,
    Response,
    Story,
    Value,
)
from ontwikkelplein.impact.selectors import results
from ontwikkelplein.impact.tests.factories import RunFactory, fill, make_cards, measure, pairs

pytestmark = pytest.mark.django_db


def test_the_four_standard_sets_exist_with_all_kinds_of_items():
    slugs = set(QuestionSet.objects.values_list("slug", flat=True))
    assert {"computer-en-internet", "e-overheid", "nederlandse-taal", "sociale-media"} <= slugs
    for question_set in QuestionSet.objects.filter(slug__in=slugs):
        kinds = set(question_set.questions.values_list("kind", flat=True))
        assert kinds == {ItemKind.SKILL, ItemKind.ATTITUDE, ItemKind.SATISFACTION}
    digid = QuestionSet.objects.get(slug="e-overheid").questions.filter(text__icontains="DigiD")
    assert digid.exists()


def test_load_impact_is_idempotent_and_keeps_edits():
    question_set = QuestionSet.objects.get(slug="e-overheid")
    question_set.name = "E-overheid (aangepast)"
    question_set.save()
    count = QuestionSet.objects.count()
    assert load_impact() == 0
    assert QuestionSet.objects.count() == count
    assert QuestionSet.objects.get(slug="e-overheid").name == "E-overheid (aangepast)"
    QuestionSet.objects.filter(slug="sociale-media").delete()
    assert load_impact() == 1


def test_satisfaction_is_only_asked_afterwards():
    question_set = QuestionSet.objects.get(slug="e-overheid")
    before = set(question_set.questions_for(Moment.BEFORE).values_list("kind", flat=True))
    after = set(question_set.questions_for(Moment.AFTER).values_list("kind", flat=True))
    assert ItemKind.SATISFACTION not in before
    assert ItemKind.SATISFACTION in after


@pytest.mark.parametrize(
    "slug", ["computer-en-internet", "e-overheid", "nederlandse-taal", "sociale-media"]
)
def test_the_before_list_asks_about_now_and_change_only_afterwards(slug):
    question_set = QuestionSet.objects.get(slug=slug)
    before = list(question_set.questions_for(Moment.BEFORE).values_list("text", flat=True))
    after = list(question_set.questions_for(Moment.AFTER).values_list("text", flat=True))
    assert "Ik ben minder bang om het zelf te doen." not in before
    assert "Ik doe het vaker zonder hulp van anderen." not in before
    assert not [text for text in before if "minder" in text or "vaker" in text or "beter" in text]
    assert "Ik durf het zelf te doen." in before and "Ik durf het zelf te doen." in after
    assert "Ik ben minder bang om het zelf te doen." in after
    # Everything asked before is asked after too, so every before answer can be paired.
    assert set(before) <= set(after)


def test_pairs_compare_the_same_current_state_question_before_and_after():
    run = RunFactory()
    measure(run)
    pairs(run, 5, before_yes=False, after_yes=True)
    (result,) = results([run])
    dare = next(i for i in result.items if i.question.text == "Ik durf het zelf te doen.")
    assert (dare.pair_before.yes, dare.pair_after.yes, dare.improved.yes) == (0, 5, 5)
    change = next(i for i in result.items if i.question.text.startswith("Ik ben minder bang"))
    assert change.before.base == 0 and change.after.yes == 5 and change.improved.base == 0


def test_upgrading_an_old_standard_set_makes_change_questions_after_only():
    from ontwikkelplein.impact.reference_data import ATTITUDE, upgrade_standard_sets

    question_set = QuestionSet.objects.get(slug="e-overheid")
    question_set.questions.filter(text__in=ATTITUDE).delete()  # as seeded before the fix
    question_set.questions.update(after_only=False)
    custom = question_set.questions.create(kind="skill", text="Eigen vraag", order=1)

    upgrade_standard_sets(QuestionSet, question_set.questions.model)

    before = list(question_set.questions_for(Moment.BEFORE).values_list("text", flat=True))
    assert "Ik ben minder bang om het zelf te doen." not in before
    assert all(text in before for text in ATTITUDE)
    assert before[-1] == "Eigen vraag"  # the KB-beheerder's own question is kept, after these
    custom.refresh_from_db()
    assert custom.active


def test_the_after_only_list_is_not_offered_before_and_has_no_pairs():
    short = QuestionSet.objects.get(slug="verkort-na-de-cursus")
    assert short.after_only
    assert short.questions_for(Moment.BEFORE).count() == 0
    run = RunFactory()
    with pytest.raises(services.ImpactError, match="alleen voor na de cursus"):
        measure(run, before="verkort-na-de-cursus", after="verkort-na-de-cursus")
    measure(run, before=None, after="verkort-na-de-cursus")
    for code in make_cards(run, 5):
        fill(code.after, yes=True)
    (result,) = results([run])
    assert result.after_only and not result.all_hidden
    assert result.respondents_before == 0 and result.pairs == 0
    assert all((item.after.yes, item.after.base) == (5, 5) for item in result.items)


def test_cards_store_only_hashes_of_their_codes():
    run = RunFactory()
    measure(run)
    codes = make_cards(run, 3)
    assert len(codes) == 3
    assert len({c.before for c in codes} | {c.after for c in codes}) == 6
    stored = list(Card.objects.filter(run=run).values_list("before_hash", "after_hash"))
    flat = " ".join(h for pair in stored for h in pair)
    for c in codes:
        assert c.before not in flat and c.after not in flat
    assert services.lookup_code(codes[0].before).moment == Moment.BEFORE
    assert services.lookup_code(services.format_code(codes[0].after).lower()).moment == Moment.AFTER


def test_cards_need_a_questionnaire_and_a_sensible_count():
    run = RunFactory()
    with pytest.raises(services.ImpactError, match="Kies eerst een vragenlijst"):
        make_cards(run, 3)
    measure(run, before=None, after="e-overheid")
    for count in (0, 41):
        with pytest.raises(services.ImpactError, match="1 tot en met 40"):
            make_cards(run, count)
    assert Card.objects.count() == 0


def test_a_code_used_twice_is_refused_and_changes_nothing():
    run = RunFactory()
    measure(run)
    (codes,) = make_cards(run, 1)
    first = fill(codes.before, yes=False)
    with pytest.raises(services.ImpactError, match="al gebruikt.*niets veranderd"):
        fill(codes.before, yes=True)
    assert Response.objects.count() == 1
    assert set(Answer.objects.values_list("value", flat=True)) == {Value.NO}
    assert Response.objects.get().pk == first.pk
    # The "na" code of the same card still works once.
    fill(codes.after, yes=True)
    assert Response.objects.filter(moment=Moment.AFTER).count() == 1


def test_unknown_code_and_missing_answers_are_refused():
    run = RunFactory()
    measure(run)
    (codes,) = make_cards(run, 1)
    with pytest.raises(services.ImpactError, match="kennen we niet"):
        services.submit_answers("AAAA-BBBB-CCCC", {})
    with pytest.raises(services.ImpactError, match="elke vraag"):
        services.submit_answers(codes.before, {})
    assert Response.objects.count() == 0


def test_no_questionnaire_for_the_moment():
    run = RunFactory()
    measure(run, before="e-overheid", after=None)
    (codes,) = make_cards(run, 1)
    with pytest.raises(services.ImpactError, match="geen vragenlijst"):
        services.submit_answers(codes.after, {})


def test_paired_change_per_item():
    run = RunFactory()
    measure(run)
    pairs(run, 6, before_yes=False, after_yes=True)
    (result,) = results([run])
    assert (result.respondents_before, result.respondents_after, result.pairs) == (6, 6, 6)
    skill = next(i for i in result.items if i.question.kind == ItemKind.SKILL)
    assert skill.before.percent == 0
    assert skill.after.percent == 100
    assert skill.pair_before.percent == 0 and skill.pair_after.percent == 100
    assert skill.improved.percent == 100
    assert skill.change_display == "+100 %-punt"


def test_a_group_under_five_is_hidden():
    run = RunFactory()
    measure(run)
    pairs(run, 4)
    (result,) = results([run])
    assert result.all_hidden and result.pairs_hidden
    assert result.count_display("before") == "<5"
    for item in result.items:
        for share in (item.before, item.after, item.pair_before, item.pair_after, item.improved):
            assert share.hidden and share.percent is None
            assert share.display == "<5"


def test_only_the_paired_columns_hide_when_few_pairs():
    run = RunFactory()
    measure(run)
    pairs(run, 3)
    for c in make_cards(run, 3):
        fill(c.before, yes=False)
        fill(c.after, yes=True)
    codes = make_cards(run, 2)
    for c in codes:
        fill(c.before, yes=True)  # never came back
    (result,) = results([run])
    assert (result.respondents_before, result.respondents_after, result.pairs) == (8, 6, 6)
    item = result.items[0]
    assert item.before.display == "25%"
    assert not item.pair_after.hidden


def test_stories_need_consent_and_no_personal_data():
    run = RunFactory()
    with pytest.raises(services.ImpactError, match="toestemming"):
        services.add_story(run, text="Ze kan nu zelf inloggen.", consent=False)
    for text in (
        "Mevrouw Jansen kan nu zelf inloggen.",
        "Bel haar op 06-12345678.",
        "Mail naar an@example.org",
        "Ze woont op 3811 HN 12.",
    ):
        with pytest.raises(services.ImpactError, match="persoonsgegevens"):
            services.add_story(run, text=text, consent=True)
    assert Story.objects.count() == 0
    story = services.add_story(
        run, text="Na vier lessen regelde ze haar toeslag zelf. Ze was er trots op.", consent=True
    )
    assert story.consent and story.run == run


def test_check_story_lets_ordinary_text_pass():
    services.check_story("Hij kwam 4 keer en kan nu 2 formulieren zelf invullen, in 2025.")
    with pytest.raises(ValidationError):
        services.check_story("BSN 123456782")
