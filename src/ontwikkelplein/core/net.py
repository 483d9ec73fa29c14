"""The visitor's network address, read one way for the rate limits (django-ratelimit), the
sign-in lockout (django-axes) and the security log.

Behind a reverse proxy, RATELIMIT_IP_META_KEY names the request header the proxy fills with the
visitor's address (for example HTTP_X_REAL_IP); without it REMOTE_ADDR is used. A value that is
not an address gives None (axes then counts by account only)."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    value = (request.META.get(key) or "").strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def truncated_ip(address: str | None) -> str:
    """The address with its last part zeroed (IPv4 /24, IPv6 /48): enough to tell one network
    from another, not one device. Empty for no address."""
    if not address:
        return ""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)
