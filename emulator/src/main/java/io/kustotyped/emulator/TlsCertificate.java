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
 * makes certificates for other names or validity periods, and {@link #authority}/{@link #signed} a small certificate
 * authority and certificates it signs, for tests of how clients refuse them. (A client that trusts a self-signed
 * certificate directly takes it as a trust anchor, whose dates the JDK does not check: an expired certificate is
 * only refused when it is signed by a trusted authority.)
 */
public final class TlsCertificate {
    private final Path certificatePem;
    private final KeyCertOptions keyCert;
    /** For generated ones: the PKCS#12 store and its password (to sign other certificates with). */
    private final Path keyStore;

    private final String password;

    private TlsCertificate(Path certificatePem, KeyCertOptions keyCert, Path keyStore, String password) {
        this.certificatePem = certificatePem;
        this.keyCert = keyCert;
        this.keyStore = keyStore;
        this.password = password;
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
                new PemKeyCertOptions().setCertPath(certificatePem.toString()).setKeyPath(keyPem.toString()),
                null,
                null);
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
        if (subjectAlternativeNames.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one subject alternative name");
        }
        String firstName = subjectAlternativeNames.get(0);
        return selfSignedKeyPair(
                dir,
                name,
                firstName.substring(firstName.indexOf(':') + 1),
                List.of("-ext", "SAN=" + String.join(",", subjectAlternativeNames)),
                startDate,
                validityDays);
    }

    /**
     * A new self-signed certificate authority (valid from a day ago for 30 days), to {@link #signed sign}
     * certificates with; its {@link #certificatePem()} is what a client trusts.
     *
     * @param dir an existing directory; {@code <name>.p12} and {@code <name>.pem} are written there
     * @param name the file name stem
     * @return the authority
     */
    public static TlsCertificate authority(Path dir, String name) {
        return selfSignedKeyPair(dir, name, name + " test CA", List.of("-ext", "bc:c"), "-1d", 30);
    }

    /**
     * A new certificate signed by {@code issuer}, served with its chain. Its {@link #certificatePem()} is the
     * issuer's: what a client trusts.
     *
     * @param issuer an {@link #authority} (or another generated certificate)
     * @param dir an existing directory; {@code <name>.p12} and {@code <name>.crt} are written there
     * @param name the file name stem
     * @param subjectAlternativeNames e.g. {@code dns:localhost}, {@code ip:127.0.0.1}
     * @param startDate keytool's {@code -startdate}, e.g. {@code -3d}
     * @param validityDays days of validity from the start date
     * @return the certificate
     */
    public static TlsCertificate signed(
            TlsCertificate issuer,
            Path dir,
            String name,
            List<String> subjectAlternativeNames,
            String startDate,
            int validityDays) {
        if (issuer.keyStore == null) {
            throw new IllegalArgumentException("the issuer must be a generated certificate");
        }
        TlsCertificate leaf = generate(dir, name, subjectAlternativeNames, startDate, validityDays);
        String store = leaf.keyStore.toString();
        Path csr = dir.resolve(name + ".csr");
        Path crt = dir.resolve(name + ".crt");
        keytool(storeArgs(store, "-certreq", "-alias", "emulator", "-file", csr.toString()), leaf.password);
        keytool(
                storeArgs(
                        issuer.keyStore.toString(),
                        "-gencert",
                        "-rfc",
                        "-alias",
                        "emulator",
                        "-infile",
                        csr.toString(),
                        "-outfile",
                        crt.toString(),
                        "-startdate",
                        startDate,
                        "-validity",
                        Integer.toString(validityDays),
                        "-ext",
                        "SAN=" + String.join(",", subjectAlternativeNames)),
                issuer.password);
        keytool(
                storeArgs(
                        store,
                        "-importcert",
                        "-noprompt",
                        "-alias",
                        "issuer",
                        "-file",
                        issuer.certificatePem.toString()),
                leaf.password);
        keytool(
                storeArgs(store, "-importcert", "-noprompt", "-alias", "emulator", "-file", crt.toString()),
                leaf.password);
        return new TlsCertificate(issuer.certificatePem, leaf.keyCert, leaf.keyStore, leaf.password);
    }

    private static List<String> storeArgs(String keyStore, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-keystore", keyStore, "-storetype", "PKCS12", "-storepass:env", "KT_STOREPASS"));
        return all;
    }

    private static TlsCertificate selfSignedKeyPair(
            Path dir, String name, String commonName, List<String> extensions, String startDate, int validityDays) {
        Objects.requireNonNull(dir, "dir");
        Path keyStore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        String password = randomPassword();
        try {
            Files.deleteIfExists(keyStore);
        } catch (IOException e) {
            throw new IllegalStateException("cannot replace " + keyStore + ": " + e.getMessage(), e);
        }
        List<String> args = new ArrayList<>(List.of(
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
                "CN=" + commonName + ", O=kusto-typed emulator",
                "-startdate",
                startDate,
                "-validity",
                Integer.toString(validityDays),
                "-keypass:env",
                "KT_STOREPASS"));
        args.addAll(extensions);
        keytool(storeArgs(keyStore.toString(), args.toArray(String[]::new)), password);
        keytool(
                storeArgs(keyStore.toString(), "-exportcert", "-rfc", "-alias", "emulator", "-file", pem.toString()),
                password);
        return new TlsCertificate(
                pem, new PfxOptions().setPath(keyStore.toString()).setPassword(password), keyStore, password);
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
