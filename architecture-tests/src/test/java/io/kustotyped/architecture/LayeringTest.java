package io.kustotyped.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/**
 * The layering of the modules (the table in the README's "Building" section): the processor generates code for the
 * runtime but never uses it; the runtime knows neither the processor nor the emulator; the emulator checks what
 * clients send against Kusto's rules on its own, so it shares no code with the runtime; the annotations depend on
 * nothing. Each rule reads one module's classes only.
 */
class LayeringTest {

    @Test
    void annotationsDependOnNothingButTheJdk() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.kustotyped.annotations..", "java..")
                .check(KtModule.ANNOTATIONS.classes());
    }

    @Test
    void processorNeverUsesTheRuntimeOrTheEmulator() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.kustotyped.runtime..", "io.kustotyped.emulator..")
                .because("the processor names runtime types only as text in the code it generates")
                .check(KtModule.PROCESSOR.classes());
    }

    @Test
    void runtimeNeverUsesTheProcessorOrTheEmulator() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.kustotyped.processor..", "io.kustotyped.emulator..")
                .check(KtModule.RUNTIME.classes());
    }

    @Test
    void emulatorNeverUsesTheRuntimeOrTheProcessor() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.kustotyped.runtime..", "io.kustotyped.processor..")
                .because("the emulator checks what clients send against Kusto's rules, not against the runtime's")
                .check(KtModule.EMULATOR.classes());
    }
}
