package dev.newswire.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package rules of DESIGN.md: only the platform adapters (and the composition root) know a chat SDK, the
 * adapters do not know each other, the ingest stages only look back, and the model is pure. No rule allows an
 * empty match: a renamed or emptied package makes its rule fail instead of passing silently.
 */
@AnalyzeClasses(packages = "dev.newswire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String APP = "dev.newswire.App";

  /** The ingest stages in pipeline order; a stage may use earlier stages, never a later one. */
  static final List<String> STAGES = List.of("fetch", "parse", "identity", "cluster", "card");

  @ArchTest
  static final ArchRule onlyPlatformsKnowChatSdks = noClasses()
      .that().resideOutsideOfPackage("dev.newswire.platform..")
      .and().doNotHaveFullyQualifiedName(APP)
      .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.slack..")
      .because("the core is platform-neutral: JDA and Bolt stay behind platform/discord and platform/slack");

  @ArchTest
  static final ArchRule onlyTheRootWiresPlatforms = noClasses()
      .that().resideOutsideOfPackages("dev.newswire.platform..", "dev.newswire.bench..")
      .and().doNotHaveFullyQualifiedName(APP)
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.platform..")
      .because("the core talks to chats through the ChatPlatform port; the bench measures the real adapters");

  @ArchTest
  static final ArchRule discordDoesNotKnowSlack = noClasses()
      .that().resideInAPackage("dev.newswire.platform.discord..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.platform.slack..", "com.slack..");

  @ArchTest
  static final ArchRule slackDoesNotKnowDiscord = noClasses()
      .that().resideInAPackage("dev.newswire.platform.slack..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.platform.discord..", "net.dv8tion..");

  @ArchTest
  static final ArchRule modelIsPure = noClasses()
      .that().resideInAPackage("dev.newswire.news..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.store..", "dev.newswire.pipeline..",
          "dev.newswire.delivery..", "dev.newswire.command..", "java.sql..", "org.quartz..");

  @ArchTest
  static final ArchRule storeIsBehindInterfaces = noClasses()
      .that().resideInAnyPackage("dev.newswire.pipeline..", "dev.newswire.delivery..", "dev.newswire.command..",
          "dev.newswire.digest..", "dev.newswire.subscription..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.store.jdbc..", "java.sql..");

  @ArchTest
  static final ArchRule fetchLooksOnlyBack = stageRule("fetch");
  @ArchTest
  static final ArchRule parseLooksOnlyBack = stageRule("parse");
  @ArchTest
  static final ArchRule identityLooksOnlyBack = stageRule("identity");
  @ArchTest
  static final ArchRule clusterLooksOnlyBack = stageRule("cluster");
  @ArchTest
  static final ArchRule cardLooksOnlyBack = stageRule("card");

  /** A stage depends neither on a later stage nor on the orchestration above the stages. */
  static ArchRule stageRule(String stage) {
    List<String> forbidden = new java.util.ArrayList<>();
    for (String later : STAGES.subList(STAGES.indexOf(stage) + 1, STAGES.size())) {
      forbidden.add("dev.newswire.pipeline." + later + "..");
    }
    forbidden.add("dev.newswire.pipeline");
    return noClasses().that().resideInAPackage("dev.newswire.pipeline." + stage + "..")
        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
        .because("FeedCycle alone knows the stage order: fetch → parse → identity → cluster → card");
  }

  /** The guard itself: a rule whose subject matches no class fails (archunit.properties does not relax it). */
  @Test
  void aRuleThatMatchesNoClassFails() {
    JavaClasses classes = new ClassFileImporter().importPackages("dev.newswire.news");
    ArchRule renamed = noClasses().that().resideInAPackage("dev.newswire.no_such_package..")
        .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..");
    assertThatThrownBy(() -> renamed.check(classes)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }
}
