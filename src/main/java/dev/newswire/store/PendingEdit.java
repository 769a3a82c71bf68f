package dev.newswire.store;

import dev.newswire.news.ChannelRef;

/**
 * A posted message whose card must be updated (another outlet joined its story).
 *
 * @param id         the edit row
 * @param deliveryId the delivery that posted the message
 * @param messageId  the platform's id of that message
 * @param story      the item the message shows
 */
public record PendingEdit(long id, long deliveryId, ChannelRef channel, String messageId, int attempts, StoredItem story) {}
