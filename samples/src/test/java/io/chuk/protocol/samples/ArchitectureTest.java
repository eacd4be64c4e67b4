package io.chuk.protocol.samples;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The handler API is closed: what a handler's code can import from us ({@code protocol-api})
 * reaches no engine type, and the samples, written as any application would be, import nothing
 * else from us.
 */
class ArchitectureTest {

    /** The packages of protocol-api. */
    private static final String[] API = {"io.chuk.protocol.handlers..", "io.chuk.protocol.api..",
            "io.chuk.protocol.line..", "io.chuk.protocol.testkit.."};

    private static final JavaClasses API_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chuk.protocol.handlers", "io.chuk.protocol.api", "io.chuk.protocol.line",
                    "io.chuk.protocol.testkit");

    private static final JavaClasses SAMPLE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.chuk.protocol.samples");

    @Test
    void theApiDependsOnNothingButTheJdkAndSlf4j() {
        classes().that().resideInAnyPackage(API)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        concat(API, "java..", "org.slf4j.."))
                .check(API_CLASSES);
    }

    @Test
    void theApiHasNoPackageCycles() {
        slices().matching("io.chuk.protocol.(**)").should().beFreeOfCycles().check(API_CLASSES);
    }

    @Test
    void samplesImportOnlyTheApiFromUs() {
        noClasses().that().resideInAPackage("io.chuk.protocol.samples..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.chuk.protocol.session..", "io.chuk.protocol.config..", "io.chuk.protocol.telnet..",
                        "io.chuk.protocol.websocket..", "io.chuk.protocol.monitor..", "io.chuk.protocol.cdi..",
                        "io.chuk.protocol.directory..", "io.chuk.protocol.runtime..", "io.chuk.protocol.tls..",
                        "io.chuk.protocol.tcp..", "io.chuk.protocol.standalone..", "io.chuk.protocol.war..",
                        "io.chuk.protocol.metrics..", "org.eclipse.jetty..", "org.yaml..", "org.jboss.weld..",
                        "io.micrometer..")
                .check(SAMPLE_CLASSES);
        classes().that().resideInAPackage("io.chuk.protocol.samples..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        concat(API, "io.chuk.protocol.samples..", "java..", "org.slf4j..", "jakarta.enterprise..",
                                "jakarta.inject.."))
                .check(SAMPLE_CLASSES);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
