package dev.newswire.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of issue #8 on loopback (polling, parsing, memory and start-up); writes BENCHMARKS.md.")
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "Small sizes, for a CI smoke run (under a minute).")
  boolean quick;

  @Option(names = "--out", paramLabel = "FILE", description = "Markdown report to write (default: BENCHMARKS.md).")
  Path out = Path.of("BENCHMARKS.md");

  @Option(names = "--corpus", paramLabel = "DIR", description = "Real feed snapshots (default: ../shared/corpus/real).")
  Path corpus;

  @Option(names = "--jar", paramLabel = "FILE",
      description = "Jar launched to time start-up (default: the running jar, else target/newswire.jar).")
  Path jar;

  @Override
  public Integer call() throws Exception {
    BenchSizes sizes = quick ? BenchSizes.quick() : BenchSizes.full();
    String command = "mvn -q -DskipTests package && java -jar target/newswire.jar bench" + (quick ? " --quick" : "")
        + " --out " + out;
    Bench.Run run = new Bench().run(sizes, corpus, jar != null ? jar : defaultJar(), command);
    System.out.print(Bench.table(run));
    Files.writeString(out, Bench.markdown(run));
    System.out.println("Wrote " + out.toAbsolutePath());
    return 0;
  }

  static Path defaultJar() {
    try {
      Path self = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
        return self;
      }
    } catch (Exception ignored) {
      // fall through
    }
    Path target = Path.of("target", "newswire.jar");
    return Files.isRegularFile(target) ? target : null;
  }
}
