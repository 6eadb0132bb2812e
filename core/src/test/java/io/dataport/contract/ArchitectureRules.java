package io.dataport.contract;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering rules of the README's Architecture section, for each module's tests to check on its own main
 * classes.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** The main (not test) classes of the packages under {@code rootPackage}. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** A backend uses core's public API and SPI only: never its internals. */
    public static void checkBackend(String backendPackage) {
        noClasses().that().resideInAPackage(backendPackage + "..")
                .should().dependOnClassesThat().resideInAPackage("io.dataport.internal..")
                .because("a backend implements the SPI and touches nothing in core's internals")
                .check(mainClasses(backendPackage));
    }
}
