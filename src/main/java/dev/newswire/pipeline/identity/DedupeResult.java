package dev.newswire.pipeline.identity;

import java.util.List;

/**
 * How one fetched document splits against the feed's history.
 *
 * @param news      genuinely new stories, oldest first: these go to delivery
 * @param remembered new keys to store without announcing: the baseline, or stories already seen under another key
 * @param known     keys already stored, whose last-seen time is refreshed
 */
public record DedupeResult(List<IdentifiedItem> news, List<IdentifiedItem> remembered, List<IdentifiedItem> known) {}
