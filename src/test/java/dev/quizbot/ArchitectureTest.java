package dev.quizbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Dependencies point inward: adapters know the core, the core knows no platform and no adapter. */
class ArchitectureTest {

    private static final String[] CORE = {
            "dev.quizbot.bank..", "dev.quizbot.grading..", "dev.quizbot.round..", "dev.quizbot.scoring..",
            "dev.quizbot.leaderboard..", "dev.quizbot.team..", "dev.quizbot.schedule..", "dev.quizbot.chat..",
            "dev.quizbot.text..", "dev.quizbot.practice..", "dev.quizbot.history..", "dev.quizbot.outbox..",
            "dev.quizbot.review.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.quizbot");

    @Test
    void theCoreKnowsNeitherDiscordNorSlack() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "com.slack..", "okhttp3..")
                .check(classes);
    }

    @Test
    void theCoreNeverCallsAnAdapter() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.quizbot.discord..", "dev.quizbot.slack..", "dev.quizbot.console..", "dev.quizbot.web..")
                .check(classes);
    }

    @Test
    void theGraderRunsWithoutItsCalibrationTools() {
        noClasses().that().resideInAPackage("dev.quizbot.grading")
                .should().dependOnClassesThat().resideInAPackage("dev.quizbot.grading.calibration..")
                .check(classes);
    }

    @Test
    void adaptersDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("dev.quizbot.discord..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quizbot.slack..", "dev.quizbot.console..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.quizbot.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quizbot.discord..", "dev.quizbot.console..")
                .check(classes);
    }
}
