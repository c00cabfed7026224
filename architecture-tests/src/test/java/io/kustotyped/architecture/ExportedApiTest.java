package io.kustotyped.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No public signature in an exported package names a type a user cannot reach: a public or protected member of a
 * public type in a package that a {@code module-info} exports mentions (as parameter, return, thrown, field, super
 * type or type argument) only JDK and third-party types and types of exported packages. The exports are read from the
 * modules' descriptors, so the rule follows {@code module-info.java}.
 */
class ExportedApiTest {

    private static final List<KtModule> DESCRIBED = List.of(KtModule.ANNOTATIONS, KtModule.RUNTIME, KtModule.EMULATOR);

    @Test
    void theModulesThatUsersDependOnHaveDescriptors() {
        for (KtModule m : DESCRIBED) {
            assertTrue(m.descriptor().isPresent(), m + " has a module-info");
        }
        ModuleDescriptor runtime = KtModule.RUNTIME.descriptor().orElseThrow();
        assertFalse(exported(runtime).contains("io.kustotyped.runtime.impl"), "runtime.impl is not exported");
        assertTrue(exported(runtime).contains("io.kustotyped.runtime.json"), "generated writers call runtime.json");
        ModuleDescriptor emulator = KtModule.EMULATOR.descriptor().orElseThrow();
        assertEquals(
                Set.of("io.kustotyped.emulator", "io.kustotyped.emulator.fault", "io.kustotyped.emulator.dm"),
                exported(emulator),
                "the emulator exports its builder, extension, fault options and queued-storage options (Azurite), not its store, ingest, kql or queue consumer");
    }

    @Test
    void publicSignaturesOfExportedPackagesNameNoInternalType() {
        Set<String> internal = new TreeSet<>();
        List<String> exportedPackages = new ArrayList<>();
        for (KtModule m : KtModule.values()) {
            Optional<ModuleDescriptor> d = m.descriptor();
            if (d.isPresent()) {
                Set<String> exports = exported(d.get());
                exportedPackages.addAll(exports);
                for (String p : d.get().packages()) {
                    if (!exports.contains(p)) {
                        internal.add(p);
                    }
                }
            }
        }
        assertTrue(internal.contains("io.kustotyped.runtime.impl"), "the rule sees the runtime's internals");
        assertTrue(internal.contains("io.kustotyped.emulator.store"), "the rule sees the emulator's internals");
        for (KtModule m : DESCRIBED) {
            classes()
                    .that(areUserVisibleIn(exportedPackages))
                    .should(nameOnlyExportedTypes(internal))
                    .check(m.classes());
        }
    }

    private static Set<String> exported(ModuleDescriptor d) {
        Set<String> out = new HashSet<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            if (!e.isQualified()) {
                out.add(e.source());
            }
        }
        return out;
    }

    /** Public, in an exported package, and (if nested) inside public classes only. */
    private static DescribedPredicate<JavaClass> areUserVisibleIn(List<String> exportedPackages) {
        return DescribedPredicate.describe("are public types of exported packages", c -> {
            if (!exportedPackages.contains(c.getPackageName())) {
                return false;
            }
            for (Optional<JavaClass> k = Optional.of(c);
                    k.isPresent();
                    k = k.get().getEnclosingClass()) {
                if (!k.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static ArchCondition<JavaClass> nameOnlyExportedTypes(Set<String> internal) {
        return new ArchCondition<>("name no type of a package that is not exported " + internal) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<String> where = new ArrayList<>();
                c.getRawSuperclass()
                        .ifPresent(s -> report(c, "extends", c.getSuperclass().orElseThrow(), where));
                for (JavaType i : c.getInterfaces()) {
                    report(c, "implements", i, where);
                }
                boolean extensible = !c.getModifiers().contains(JavaModifier.FINAL);
                for (JavaField f : c.getFields()) {
                    if (visible(f, extensible)) {
                        report(c, "field " + f.getName(), f.getType(), where);
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!visible(u, extensible) || u.getName().equals("<clinit>")) {
                        continue;
                    }
                    String name = u.getName() + "(...)";
                    report(c, name + " returns", u.getReturnType(), where);
                    for (JavaType p : u.getParameterTypes()) {
                        report(c, name + " parameter", p, where);
                    }
                    for (JavaClass t : u.getThrowsClause().getTypes()) {
                        report(c, name + " throws", t, where);
                    }
                }
                for (String w : where) {
                    events.add(SimpleConditionEvent.violated(c, w));
                }
            }

            private void report(JavaClass owner, String what, JavaType type, List<String> where) {
                for (JavaClass raw : type.getAllInvolvedRawTypes()) {
                    if (internal.contains(raw.getPackageName())) {
                        where.add(owner.getName() + ": " + what + " names internal " + raw.getName());
                    }
                }
            }
        };
    }

    /** Public members, and protected ones of classes users can extend. */
    private static boolean visible(JavaMember m, boolean extensible) {
        return m.getModifiers().contains(JavaModifier.PUBLIC)
                || (extensible && m.getModifiers().contains(JavaModifier.PROTECTED));
    }
}
