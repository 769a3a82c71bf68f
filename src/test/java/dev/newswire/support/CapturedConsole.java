package dev.newswire.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures System.out and System.err around each test, for command-line tests that read what a user would see. */
public final class CapturedConsole implements BeforeEachCallback, AfterEachCallback {
  public final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  public final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream realOut;
  private PrintStream realErr;

  @Override
  public void beforeEach(ExtensionContext context) {
    realOut = System.out;
    realErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(realOut);
    System.setErr(realErr);
  }
}
