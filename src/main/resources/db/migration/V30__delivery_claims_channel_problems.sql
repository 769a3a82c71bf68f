-- Reliable delivery (issue #7): claims so several dispatchers never send the same delivery, "in doubt" for a claim
-- that expired (its process died mid-send), paused channels, and once-only feed pause/recovery notices.
ALTER TABLE delivery ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE delivery ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN in_doubt BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX delivery_item ON delivery (item_id);

-- A channel that answered with a permanent failure: further deliveries to it are skipped until cleared.
CREATE TABLE channel_problem (
  platform    VARCHAR(16)   NOT NULL,
  workspace   VARCHAR(64)   NOT NULL,
  channel     VARCHAR(64)   NOT NULL,
  reason      VARCHAR(2000) NOT NULL,
  first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
  reported    BOOLEAN       NOT NULL,
  CONSTRAINT channel_problem_pk PRIMARY KEY (platform, workspace, channel)
);

-- NULL, or PAUSED once the pause notice for the current pause is in the outbox.
ALTER TABLE feed ADD COLUMN notice_state VARCHAR(16);
