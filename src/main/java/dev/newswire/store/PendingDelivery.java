package dev.newswire.store;

import dev.newswire.delivery.ChannelRef;

/** A delivery that is due: the story, where it goes, and how many times it was tried. */
public record PendingDelivery(long id, ChannelRef channel, int attempts, StoredItem story) {}
