package io.dataport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.dataport.contract.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/** Core's layering: API, SPI and internals, and no backend's knowledge anywhere in core. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = ArchitectureRules.mainClasses("io.dataport");

    @Test
    void coreKnowsNoDriverPoolOrBackend() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.sqlite..", "org.postgresql..",
                        "com.zaxxer..", "io.dataport.sqlite..", "io.dataport.postgres..", "io.dataport.transfer..")
                .because("backends own their drivers, pools and SQL")
                .check(CORE);
    }

    @Test
    void theSpiDependsOnTheApiOnly() {
        noClasses().that().resideInAPackage("io.dataport.spi..")
                .should().dependOnClassesThat().resideInAPackage("io.dataport.internal..")
                .because("backends implement the SPI without reaching into core's internals")
                .check(CORE);
    }

    @Test
    void thePublicPackageHoldsApiOnly() {
        classes().that().resideInAPackage("io.dataport").and().areTopLevelClasses().should().bePublic()
                .because("glue that internals reach through package-private methods belongs in internal packages")
                .check(CORE);
        noMethods().that().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage("io.dataport",
                        "io.dataport.spi", "io.dataport.mapping")
                .should().haveRawReturnType(DescribedPredicate.describe("an internal type",
                        (JavaClass c) -> c.getPackageName().startsWith("io.dataport.internal")))
                .because("the public API never hands out internal types")
                .check(CORE);
    }

    @Test
    void utilitiesKnowNothingOfDataport() {
        noClasses().that().resideInAPackage("io.dataport.internal.util..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dataport", "io.dataport.internal.session..",
                        "io.dataport.internal.statement..", "io.dataport.internal.entity..",
                        "io.dataport.internal.sql..", "io.dataport.internal.repository..")
                .check(CORE);
    }
}
