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
