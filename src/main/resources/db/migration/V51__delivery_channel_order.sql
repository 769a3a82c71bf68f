-- The claim looks, per channel, for an earlier pending story that is waiting out a retry or held by another
-- dispatcher (story order per channel); these keep that look-up to a few index entries.
CREATE INDEX delivery_channel_pending ON delivery (platform, workspace, channel, status, id);
CREATE INDEX delivery_channel_claims ON delivery (platform, workspace, channel, claimed_until);
