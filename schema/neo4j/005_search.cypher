// Full-text indexes of the search root field: names and aliases, statement texts, article
// titles. The standard-folding analyzer folds case and diacritics, as SQLite's unicode61
// tokenizer with remove_diacritics does.
CREATE FULLTEXT INDEX search_names IF NOT EXISTS FOR (n:Person|Organisation|Place) ON EACH [n.name, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX search_statements IF NOT EXISTS FOR (n:Statement) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX search_titles IF NOT EXISTS FOR (n:Article) ON EACH [n.title] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
