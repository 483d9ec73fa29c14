"""The figures engine every figures page uses (desk, referrals, courses, impact, learning):

- vocabulary.py: the words in the address (niveau, periode, datum, formaat), the levels
  (eigen, regio, land: "Heel Nederland") and the small-count limit ("<5");
- scope.py: whose numbers (own organisations, POI region, country), as organisation ids;
- periods.py: day, ISO week, month, quarter, year, and the like-with-like comparison;
- cells.py: cells, measures, breakdowns and the small-count rule (with complementary
  suppression);
- charts.py: HTML/CSS bar charts, each shown beside a table with the same numbers;
- page.py: reading the address and the context of the shared templates in
  core/templates/core/figures/.

Downloads go through core/tabular.py, dates and numbers through core/formatting.py."""
