// Range indexes on the properties that lists are filtered and ordered by, and a text
// index for substring filters on statement text. Idempotent, like the constraints.
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX negotiation_name IF NOT EXISTS FOR (n:Negotiation) ON (n.name);
CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date);
CREATE INDEX statement_kind IF NOT EXISTS FOR (n:Statement) ON (n.kind);
CREATE INDEX article_published_at IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
CREATE TEXT INDEX statement_text IF NOT EXISTS FOR (n:Statement) ON (n.text);
