package com.tierpoint.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importProductionClasses() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.tierpoint.core");
    }

    @Test
    void theCoreHasModelPackagesToCheck() {
        assertThat(core.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                        "com.tierpoint.core..model..")))
                .isNotEmpty();
    }

    @Test
    void modelClassesDependOnNoFrameworkPersistenceCacheOrTransport() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("com.tierpoint.core..model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.apache.ibatis..", "com.baomidou..", "io.lettuce..", "io.grpc..")
                .because("the domain model must stay plain Java, independent of frameworks and infrastructure");

        rule.check(core);
    }
}
