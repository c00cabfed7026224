package io.kustotyped.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.kustotyped.annotations.KustoTable;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.processor.KustoProcessor;
import io.kustotyped.runtime.KustoClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * A module of the build, found through one of its classes: its classes alone (imported from its own output folder or
 * jar, so a rule about one module never sees another's classes) and its {@code module-info}, when it has one.
 */
enum KtModule {
    ANNOTATIONS(KustoTable.class, "io.kustotyped.annotations"),
    PROCESSOR(KustoProcessor.class, "io.kustotyped.processor"),
    RUNTIME(KustoClient.class, "io.kustotyped.runtime"),
    EMULATOR(KustoEmulator.class, "io.kustotyped.emulator");

    private final Class<?> anchor;
    private final String rootPackage;
    private JavaClasses classes;

    KtModule(Class<?> anchor, String rootPackage) {
        this.anchor = anchor;
        this.rootPackage = rootPackage;
    }

    /** The module's base package; every class of the module is in it or below it. */
    String rootPackage() {
        return rootPackage;
    }

    /** Where the module's classes are: its {@code target/classes} folder in the reactor, or its jar. */
    Path location() {
        try {
            return Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module's own classes, imported once (from its folder under {@code test}, from its jar under {@code verify}). */
    synchronized JavaClasses classes() {
        if (classes == null) {
            Path where = location();
            if (Files.isDirectory(where)) {
                classes = new ClassFileImporter().importPath(where);
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    classes = new ClassFileImporter().importJar(jar);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (classes.isEmpty()) {
                throw new IllegalStateException("no classes found for " + this + " in " + where);
            }
        }
        return classes;
    }

    /** The module's descriptor, when it has a {@code module-info}; empty for an automatic module. */
    Optional<ModuleDescriptor> descriptor() {
        Set<ModuleReference> found = ModuleFinder.of(location()).findAll();
        return found.stream()
                .map(ModuleReference::descriptor)
                .filter(d -> !d.isAutomatic())
                .findFirst();
    }
}
