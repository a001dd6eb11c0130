package io.gridpulse.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * No application imports another: the monitor, the replay, the evaluation, the tools, the dashboard
 * and the benchmark each build on core (and the schemas, the simulator as a library), never on one
 * another, so a change to one application cannot break another. Each application's tests check
 * their own module with {@link #check}.
 */
public final class ApplicationBoundaries {

    /** GridPulse's applications, by the package under {@code io.gridpulse}. */
    public static final List<String> APPLICATIONS =
            List.of("monitor", "replay", "evaluation", "tools", "dashboard", "bench");

    private ApplicationBoundaries() {}

    /**
     * Fails when a main class of application {@code own} uses a class of another application, but
     * those {@code measured} (the benchmark measures applications by running their code).
     */
    public static void check(String own, String... measured) {
        JavaClasses classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.gridpulse." + own);
        String[] others =
                APPLICATIONS.stream()
                        .filter(app -> !app.equals(own) && !List.of(measured).contains(app))
                        .map(app -> "io.gridpulse." + app + "..")
                        .toArray(String[]::new);
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("no application imports another: shared code belongs in core")
                .check(classes);
    }
}
