# Planned actions belong to the library; they are kept on its own page, not in the admin.
