package io.kustotyped.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * No package of a module depends, directly or through others, on a package that depends back on it. A slice is one
 * package of the module (its root package included), so a cycle between the root and a sub-package counts too.
 */
class PackageCycleTest {

    @Test
    void annotationsHaveNoPackageCycle() {
        check(KtModule.ANNOTATIONS);
    }

    @Test
    void runtimeHasNoPackageCycle() {
        check(KtModule.RUNTIME);
    }

    @Test
    void processorHasNoPackageCycle() {
        check(KtModule.PROCESSOR);
    }

    @Test
    void emulatorHasNoPackageCycle() {
        check(KtModule.EMULATOR);
    }

    private static void check(KtModule module) {
        String root = module.rootPackage();
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String p = c.getPackageName();
                        return p.equals(root) || p.startsWith(root + ".")
                                ? SliceIdentifier.of(p)
                                : SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "the packages of " + root;
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(module.classes());
    }
}
