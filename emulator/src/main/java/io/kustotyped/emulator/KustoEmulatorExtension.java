package io.kustotyped.emulator;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs one emulator for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static KustoEmulatorExtension kusto = KustoEmulatorExtension.create(b -> b.database("Test").enableStreaming());
 *
 * @Test void ingests() { URI cluster = kusto.uri(); ... }
 * }</pre>
 *
 * <p>{@code KustoEmulatorExtension.create(b -> b.database("Test").selfSignedTls())} also serves HTTPS:
 * {@link #httpsUri()} and {@link #certificatePem()} (the certificate to trust).
 *
 * <p>It starts before all tests and stops after them; test methods may also take a {@link KustoEmulator}
 * parameter. Register it as a {@code static} field.
 */
public final class KustoEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final Consumer<KustoEmulator.Builder> configuration;
    private KustoEmulator emulator;

    private KustoEmulatorExtension(Consumer<KustoEmulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /**
     * An extension with the default options (in memory, no token, free port).
     *
     * @return the extension
     */
    public static KustoEmulatorExtension create() {
        return new KustoEmulatorExtension(b -> {});
    }

    /**
     * An extension whose emulator is configured by the given function.
     *
     * @param configuration sets builder options, e.g. {@code b -> b.database("Test").enableStreaming()}
     * @return the extension
     */
    public static KustoEmulatorExtension create(Consumer<KustoEmulator.Builder> configuration) {
        return new KustoEmulatorExtension(configuration);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        KustoEmulator.Builder builder = KustoEmulator.builder();
        configuration.accept(builder);
        emulator = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    /** @return the running emulator @throws IllegalStateException outside the test class's lifetime */
    public KustoEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException(
                    "the emulator runs only while the test class runs; register the extension " + "on a static field");
        }
        return emulator;
    }

    /** @return the cluster URI of the running emulator */
    public URI uri() {
        return emulator().uri();
    }

    /**
     * @return the HTTPS cluster URI, when the emulator was configured with {@code b -> b.selfSignedTls()} or
     *     {@code b -> b.tls(...)}
     */
    public URI httpsUri() {
        return emulator().httpsUri();
    }

    /** @return the PEM certificate a client trusts to reach {@link #httpsUri()} */
    public Path certificatePem() {
        return emulator().certificatePem();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KustoEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
