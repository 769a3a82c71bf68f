-- The folder a feed was filed under in an OPML import ("AI/Research" for nested folders); NULL for none.
ALTER TABLE feed ADD COLUMN category VARCHAR(300);
