package dev.newswire.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of DESIGN.md: a neutral core, thin platform adapters that do not know each other. */
@AnalyzeClasses(packages = "dev.newswire", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreKnowsNoChatLibrary = noClasses()
      .that().resideInAnyPackage("dev.newswire.news..", "dev.newswire.pipeline..", "dev.newswire.delivery..",
          "dev.newswire.command..", "dev.newswire.store..", "dev.newswire.config..", "dev.newswire.schedule..")
      .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.slack..")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule coreKnowsNoPlatformAdapter = noClasses()
      .that().resideInAnyPackage("dev.newswire.news..", "dev.newswire.pipeline..", "dev.newswire.delivery..",
          "dev.newswire.command..", "dev.newswire.store..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.platform..")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule discordDoesNotKnowSlack = noClasses()
      .that().resideInAPackage("dev.newswire.platform.discord..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.platform.slack..", "com.slack..")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule slackDoesNotKnowDiscord = noClasses()
      .that().resideInAPackage("dev.newswire.platform.slack..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.platform.discord..", "net.dv8tion..")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule modelIsPure = noClasses()
      .that().resideInAPackage("dev.newswire.news..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.store..", "dev.newswire.pipeline..",
          "java.sql..", "org.quartz..")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule storeIsBehindInterfaces = noClasses()
      .that().resideInAnyPackage("dev.newswire.pipeline..", "dev.newswire.delivery..", "dev.newswire.command..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newswire.store.jdbc..", "java.sql..")
      .allowEmptyShould(true);
}
