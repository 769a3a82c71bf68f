-- Per-channel options that are not subscriptions: whether each story gets a discussion thread (Discord).
CREATE TABLE channel_option (
  platform          VARCHAR(16) NOT NULL,
  workspace         VARCHAR(64) NOT NULL,
  channel           VARCHAR(64) NOT NULL,
  thread_per_story  BOOLEAN     NOT NULL,
  CONSTRAINT channel_option_pk PRIMARY KEY (platform, workspace, channel)
);
