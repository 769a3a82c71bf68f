package dev.newswire.bench;

import com.rometools.rome.io.impl.DateParser;
import java.lang.reflect.Field;

/**
 * Switches Rome's extra date masks (our rome.properties) off and on, so the bench can time the "before" path and
 * plain Rome as they were, in the same JVM as the fast path. Bench only; single-threaded use.
 */
final class RomeDateMasks {

  private static final Field FIELD = field();
  private static final String[] OURS = read();

  private RomeDateMasks() {}

  static void stock(boolean stock) {
    if (FIELD == null) {
      return;
    }
    try {
      FIELD.set(null, stock ? new String[0] : OURS);
    } catch (IllegalAccessException e) {
      // leave as is; the report then compares with our masks on both sides
    }
  }

  private static Field field() {
    try {
      Field f = DateParser.class.getDeclaredField("ADDITIONAL_MASKS");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static String[] read() {
    try {
      return FIELD == null ? new String[0] : (String[]) FIELD.get(null);
    } catch (IllegalAccessException e) {
      return new String[0];
    }
  }
}
