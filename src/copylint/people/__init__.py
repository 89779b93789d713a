"""People and their titles: the knowledge base, finding titled mentions in copy, and
judging them against the article's date (rules in copylint.rules.titles)."""
