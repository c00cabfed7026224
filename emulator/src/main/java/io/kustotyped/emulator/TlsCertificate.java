package io.kustotyped.emulator;

import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The certificate the emulator serves HTTPS with, and the PEM file a client trusts it through
 * ({@link #certificatePem()}).
 *
 * <p>Either the user's own PEM certificate and key ({@link #fromPem}), or a self-signed certificate generated with
 * the JDK's {@code keytool} ({@link #selfSigned}, for {@code localhost} and {@code 127.0.0.1}). {@link #generate}
 * makes certificates for other names or validity periods, for tests of how clients refuse them.
 */
public final class TlsCertificate {
    private final Path certificatePem;
    private final KeyCertOptions keyCert;

    private TlsCertificate(Path certificatePem, KeyCertOptions keyCert) {
        this.certificatePem = certificatePem;
        this.keyCert = keyCert;
    }

    /**
     * The user's certificate (chain) and private key, both PEM.
     *
     * @param certificatePem the certificate chain, leaf first
     * @param keyPem the private key (PKCS#8 or PKCS#1)
     * @return the certificate
     * @throws IllegalArgumentException when a file does not exist
     */
    public static TlsCertificate fromPem(Path certificatePem, Path keyPem) {
        requireFile(certificatePem, "TLS certificate");
        requireFile(keyPem, "TLS private key");
        return new TlsCertificate(
                certificatePem,
                new PemKeyCertOptions().setCertPath(certificatePem.toString()).setKeyPath(keyPem.toString()));
    }

    /**
     * A new self-signed certificate for {@code localhost} and {@code 127.0.0.1} (subject alternative names DNS and
     * IP), valid from a day ago for a year, written to {@code dir} as {@code emulator-tls.p12} (key store) and
     * {@code emulator-tls.pem} (the certificate clients trust).
     *
     * @param dir an existing directory
     * @return the certificate
     */
    public static TlsCertificate selfSigned(Path dir) {
        return generate(dir, "emulator-tls", List.of("dns:localhost", "ip:127.0.0.1"), "-1d", 366);
    }

    /**
     * A new self-signed certificate made by the JDK's {@code keytool} (EC P-256, SHA256withECDSA).
     *
     * @param dir an existing directory; {@code <name>.p12} and {@code <name>.pem} are written there
     * @param name the file name stem
     * @param subjectAlternativeNames e.g. {@code dns:localhost}, {@code ip:127.0.0.1}
     * @param startDate keytool's {@code -startdate}, e.g. {@code -1d} (a day ago) or {@code -3d}
     * @param validityDays how many days from the start date it is valid; {@code -3d} and {@code 1} make an expired one
     * @return the certificate
     * @throws IllegalStateException when keytool is missing or fails (its output in the message)
     */
    public static TlsCertificate generate(
            Path dir, String name, List<String> subjectAlternativeNames, String startDate, int validityDays) {
        Objects.requireNonNull(dir, "dir");
        if (subjectAlternativeNames.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one subject alternative name");
        }
        Path keyStore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        String password = randomPassword();
        String firstName = subjectAlternativeNames.get(0);
        String cn = firstName.substring(firstName.indexOf(':') + 1);
        try {
            Files.deleteIfExists(keyStore);
        } catch (IOException e) {
            throw new IllegalStateException("cannot replace " + keyStore + ": " + e.getMessage(), e);
        }
        keytool(
                List.of(
                        "-genkeypair",
                        "-alias",
                        "emulator",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-sigalg",
                        "SHA256withECDSA",
                        "-dname",
                        "CN=" + cn + ", O=kusto-typed emulator",
                        "-ext",
                        "SAN=" + String.join(",", subjectAlternativeNames),
                        "-startdate",
                        startDate,
                        "-validity",
                        Integer.toString(validityDays),
                        "-keystore",
                        keyStore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass:env",
                        "KT_STOREPASS",
                        "-keypass:env",
                        "KT_STOREPASS"),
                password);
        keytool(
                List.of(
                        "-exportcert",
                        "-rfc",
                        "-alias",
                        "emulator",
                        "-keystore",
                        keyStore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass:env",
                        "KT_STOREPASS",
                        "-file",
                        pem.toString()),
                password);
        return new TlsCertificate(
                pem, new PfxOptions().setPath(keyStore.toString()).setPassword(password));
    }

    /** @return the PEM file of the certificate: what a client adds to its trust store */
    public Path certificatePem() {
        return certificatePem;
    }

    KeyCertOptions keyCertOptions() {
        return keyCert.copy();
    }

    private static void keytool(List<String> args, String password) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("cannot generate a TLS certificate: " + keytool
                    + " is missing (a JRE without keytool); give a certificate and key instead");
        }
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("KT_STOREPASS", password); // not on the command line, where ps would show it
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        "keytool " + args.get(0) + " failed (exit " + p.exitValue() + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + keytool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating a TLS certificate", e);
        }
    }

    private static void requireFile(Path path, String what) {
        Objects.requireNonNull(path, what);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(what + " file not found: " + path);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("windows");
    }
}
