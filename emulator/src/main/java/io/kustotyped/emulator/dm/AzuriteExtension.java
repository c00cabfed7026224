package io.kustotyped.emulator.dm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs one Azurite (see {@link Azurite}) for a test class, on free loopback ports:
 *
 * <pre>{@code
 * @RegisterExtension
 * static AzuriteExtension azurite = AzuriteExtension.inMemory();
 *
 * @RegisterExtension
 * static KustoEmulatorExtension kusto = KustoEmulatorExtension.create(b -> b.queuedStorage(azurite.account()));
 * }</pre>
 *
 * <p>Register it before an extension that uses its account (JUnit runs {@code beforeAll} callbacks in field order).
 * Test methods may take an {@link Azurite} or {@link StorageAccount} parameter.
 *
 * <p>Where Azurite cannot run (no node or npm, no Azurite command), the test class is <b>skipped</b> with a JUnit
 * assumption whose message says what is missing and how to install it; it never passes without Azurite.
 */
public final class AzuriteExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final boolean persistent;
    private Path location;
    private Azurite azurite;

    private AzuriteExtension(boolean persistent) {
        this.persistent = persistent;
    }

    /** @return an extension whose Azurite keeps everything in memory */
    public static AzuriteExtension inMemory() {
        return new AzuriteExtension(false);
    }

    /**
     * @return an extension whose Azurite persists to a temporary folder (deleted after the class), so that
     *     {@link #restart()} finds the blobs and messages again
     */
    public static AzuriteExtension persistent() {
        return new AzuriteExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            if (persistent) {
                location = Files.createTempDirectory("azurite-data-");
            }
            azurite = start();
        } catch (AzuriteUnavailableException e) {
            Assumptions.abort("skipped: this test needs Azurite, the Azure Storage emulator, which cannot run here: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Azurite start() {
        Azurite.Builder builder = Azurite.builder();
        if (location != null) {
            builder.location(location);
        }
        return builder.start();
    }

    /**
     * Stops Azurite and starts it again on the same folder (persistent only). Its ports change, and so does
     * {@link #account()}.
     *
     * @return the new Azurite
     */
    public Azurite restart() {
        if (!persistent) {
            throw new IllegalStateException("only a persistent() Azurite can restart with its data");
        }
        azurite().close();
        azurite = start();
        return azurite;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (azurite != null) {
                azurite.close();
                azurite = null;
            }
        } finally {
            if (location != null) {
                deleteTree(location);
                location = null;
            }
        }
    }

    /** @return the running Azurite @throws IllegalStateException outside the test class's lifetime */
    public Azurite azurite() {
        if (azurite == null) {
            throw new IllegalStateException(
                    "Azurite runs only while the test class runs; register the extension on a static field");
        }
        return azurite;
    }

    /** @return the development account on the running Azurite */
    public StorageAccount account() {
        return azurite().account();
    }

    /** @return the blob endpoint, e.g. {@code http://127.0.0.1:41234/devstoreaccount1} */
    public URI blobEndpoint() {
        return account().blobEndpoint();
    }

    /** @return the queue endpoint */
    public URI queueEndpoint() {
        return account().queueEndpoint();
    }

    /** @return the table endpoint */
    public URI tableEndpoint() {
        return account().tableEndpoint();
    }

    /** @return the connection string of the development account on the running Azurite */
    public String connectionString() {
        return account().connectionString();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Azurite.class || type == StorageAccount.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Azurite.class ? azurite() : account();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left behind in the temporary folder
        }
    }
}
