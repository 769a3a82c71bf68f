-- When each digest subscription last sent (or skipped an empty) digest; the next one covers what came after.
ALTER TABLE subscription ADD COLUMN last_digest_at TIMESTAMP WITH TIME ZONE;
