package io.gridpulse.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Core's packages form layers a reading goes down through and never back up: options and time zones
 * ({@code config}) and the reading rules ({@code vee}) at the bottom, the per-meter stage, the
 * windows, the detectors and savings above them, the InfluxDB points above those, and {@code
 * pipeline}, which wires them all, on top.
 */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.gridpulse.core");
    }

    @Test
    void shouldHaveNoCyclesBetweenItsPackages() {
        slices().matching("io.gridpulse.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void shouldLeaveTheWiringToThePipelineAlone() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.gridpulse.core.pipeline..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.gridpulse.core.pipeline..")
                .check(core);
    }

    @Test
    void shouldKeepOptionsAndRulesAtTheBottom() {
        noClasses()
                .that()
                .resideInAnyPackage("io.gridpulse.core.config..", "io.gridpulse.core.vee..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.gridpulse.core.meter..",
                        "io.gridpulse.core.window..",
                        "io.gridpulse.core.anomaly..",
                        "io.gridpulse.core.quality..",
                        "io.gridpulse.core.savings..",
                        "io.gridpulse.core.influx..",
                        "io.gridpulse.core.io..")
                .check(core);
    }
}
