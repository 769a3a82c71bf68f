package dev.newswire.store;

/**
 * A story that may go into a digest.
 *
 * @param sources how many feeds carried a story with the same normalised title in the digest's window
 */
public record DigestCandidate(StoredItem story, int sources) {}
