"""Settings, one module per way of running the site (docs/deployment.md, "Settings").

- ``ontwikkelplein.conf.development``: ``make run``; the demo app, a development key, mail
  to the console.
- ``ontwikkelplein.conf.production``: ``make serve`` and the container; refuses to start half
  configured.
- ``ontwikkelplein.conf.test``: the test suites.

Each reads the environment through ``conf/env.py``; every variable is listed in ``.env.example``.
"""
