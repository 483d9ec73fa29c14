"""Fixed ids for demo records, so loading the demo again finds what it made before."""

import uuid

NAMESPACE = uuid.UUID("6f0c8f5e-4a39-4d2e-9a57-0b1e6d3c2a10")


def demo_uuid(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")
