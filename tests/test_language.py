import pytest

pytestmark = pytest.mark.django_db


def test_dutch_is_the_default_whatever_the_browser_asks(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="nl"' in response.content.decode()


def test_the_language_switch_chooses_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/")
    assert '<html lang="en"' in response.content.decode()


def test_an_unknown_language_cookie_falls_back_to_dutch(client):
    client.cookies["django_language"] = "xx"
    response = client.get("/")
    assert '<html lang="nl"' in response.content.decode()


# --- Six languages for residents, two for staff (docs/public-site.md, "Talen") ---


def test_a_shared_link_opens_in_its_language_and_keeps_it(client):
    response = client.get("/zoeken/", {"taal": "ar", "q": "taal"})
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert response.cookies["django_language"].value == "ar"
    # The rest of the visit stays Arabic, also through links without ?taal.
    assert '<html lang="ar" dir="rtl"' in client.get("/").content.decode()


def test_left_to_right_languages_say_so(client):
    for code in ("nl", "en", "tr", "uk", "pl"):
        html = client.get("/", {"taal": code}).content.decode()
        assert f'<html lang="{code}" dir="ltr"' in html


def test_an_unknown_language_in_the_address_is_ignored(client):
    response = client.get("/", {"taal": "xx"})
    assert '<html lang="nl" dir="ltr"' in response.content.decode()
    assert "django_language" not in response.cookies
    client.cookies["django_language"] = "tr"
    assert '<html lang="tr"' in client.get("/", {"taal": "<script>"}).content.decode()


def test_the_browser_never_chooses_arabic(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,tr;q=0.9")
    assert '<html lang="nl" dir="ltr"' in response.content.decode()


def test_the_switch_offers_every_language_on_resident_pages(client):
    html = client.get("/").content.decode()
    for code, name in [
        ("en", "English"),
        ("ar", "العربيّة"),
        ("tr", "Türkçe"),
        ("uk", "Українська"),
        ("pl", "Polski"),
    ]:
        assert f'value="{code}" class="op-link-button" lang="{code}"' in html
        assert f">{name}</button>" in html
    assert 'value="nl"' not in html  # the current language is not offered again


def test_the_switch_returns_to_an_address_that_carries_the_language(client):
    response = client.post("/i18n/setlang/", {"language": "uk", "next": "/zoeken/?q=taal"})
    assert response.status_code == 302
    assert response["Location"] == "/zoeken/?q=taal&taal=uk"
    assert '<html lang="uk"' in client.get(response["Location"]).content.decode()

    response = client.post("/i18n/setlang/", {"language": "pl", "next": "/zoeken/?taal=uk&q=a"})
    assert response["Location"] == "/zoeken/?q=a&taal=pl"

    # Dutch is the default: its address needs no parameter.
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "/zoeken/?taal=pl"})
    assert response["Location"] == "/zoeken/"


def test_staff_pages_are_dutch_when_a_resident_language_was_chosen(client):
    client.cookies["django_language"] = "ar"
    html = client.get("/account/inloggen/").content.decode()
    assert '<html lang="nl" dir="ltr"' in html
    assert "Inloggen voor medewerkers" in html
    # Its switch offers English only; Arabic is for resident pages.
    assert ">English</button>" in html and 'value="ar"' not in html
    assert '<html lang="nl"' in client.get("/account/inloggen/", {"taal": "tr"}).content.decode()


def test_staff_pages_keep_english(client):
    client.cookies["django_language"] = "en"
    assert '<html lang="en"' in client.get("/account/inloggen/").content.decode()


def test_a_switch_on_a_staff_page_does_not_put_a_resident_language_in_its_address(client):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/account/inloggen/"})
    assert response["Location"] == "/account/inloggen/"


def test_an_unknown_page_is_in_the_residents_language(client):
    response = client.get("/bestaat-niet/", {"taal": "ar"})
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl"' in response.content.decode()


def test_pages_vary_on_the_cookie(client):
    assert "Cookie" in client.get("/")["Vary"]
