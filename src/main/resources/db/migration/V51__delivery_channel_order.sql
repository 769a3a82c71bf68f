-- The claim looks for an earlier pending story in the same channel (story order per channel).
CREATE INDEX delivery_channel_pending ON delivery (platform, workspace, channel, status, id);
