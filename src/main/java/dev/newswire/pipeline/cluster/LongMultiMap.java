package dev.newswire.pipeline.cluster;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** long key → list of int values, open addressing and array-linked lists: LSH buckets without boxing. */
final class LongMultiMap {
  private long[] keys;
  private int[] heads;
  private boolean[] used;
  private int size;
  private int[] values = new int[1024];
  private int[] next = new int[1024];
  private int entries;

  LongMultiMap(int expectedKeys) {
    int cap = Integer.highestOneBit(Math.max(16, expectedKeys * 2) - 1) << 1;
    keys = new long[cap];
    heads = new int[cap];
    used = new boolean[cap];
  }

  void put(long key, int value) {
    if ((size + 1) * 2 > keys.length) grow();
    int slot = slot(key);
    if (!used[slot]) {
      used[slot] = true;
      keys[slot] = key;
      heads[slot] = -1;
      size++;
    }
    if (entries == values.length) {
      values = Arrays.copyOf(values, entries * 2);
      next = Arrays.copyOf(next, entries * 2);
    }
    values[entries] = value;
    next[entries] = heads[slot];
    heads[slot] = entries++;
  }

  void forEach(long key, IntConsumer action) {
    int slot = slot(key);
    if (!used[slot]) return;
    for (int e = heads[slot]; e >= 0; e = next[e]) action.accept(values[e]);
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) (StoryClusterer.mix64(key) & mask);
    while (used[i] && keys[i] != key) i = (i + 1) & mask;
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    heads = new int[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (!oldUsed[i]) continue;
      int s = slot(oldKeys[i]);
      used[s] = true;
      keys[s] = oldKeys[i];
      heads[s] = oldHeads[i];
    }
  }
}
