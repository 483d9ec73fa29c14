"""The network is kept on its own pages (/beheer/netwerk/), by the library that owns it. Contact
people are personal data whose every view is logged, so they are not in the Django admin."""
