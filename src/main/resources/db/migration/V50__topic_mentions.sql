-- Who a story on a topic pings when it is posted in a channel (/news-admin mention). One dialect for H2 and
-- PostgreSQL. target_id is a Discord snowflake or a Slack U…/S… id; the kind says how it is written.
CREATE TABLE topic_mention (
  platform     VARCHAR(16) NOT NULL,
  workspace    VARCHAR(64) NOT NULL,
  channel      VARCHAR(64) NOT NULL,
  topic        VARCHAR(64) NOT NULL,
  target_kind  VARCHAR(16) NOT NULL,
  target_id    VARCHAR(32) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT topic_mention_kind_check CHECK (target_kind IN ('role', 'user', 'usergroup')),
  CONSTRAINT topic_mention_pk PRIMARY KEY (platform, workspace, channel, topic, target_kind, target_id)
);
