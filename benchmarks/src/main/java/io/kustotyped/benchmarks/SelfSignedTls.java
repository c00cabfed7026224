package io.kustotyped.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made by the JDK's {@code keytool} in a
 * temporary directory: the key store the TLS {@link LoopbackSink} serves ({@link #keyStore()}, PKCS#12) and the
 * certificate the client trusts ({@link #certificatePem()}). The same kind of certificate the emulator generates
 * (EC P-256, SHA256withECDSA), so the handshake costs what it costs against the emulator.
 *
 * @param dir the directory that holds both files
 * @param keyStore the PKCS#12 key store with the key and certificate (alias {@code sink})
 * @param password the key store's password
 * @param certificatePem the certificate, PEM
 */
public record SelfSignedTls(Path dir, Path keyStore, String password, Path certificatePem) {

    /**
     * Generates a new certificate, valid from a day ago for 30 days.
     *
     * @return the certificate and its files
     * @throws IOException when the temporary directory cannot be made
     * @throws IllegalStateException when keytool is missing or fails (its output in the message)
     */
    public static SelfSignedTls generate() throws IOException {
        Path dir = Files.createTempDirectory("kusto-typed-bench-tls");
        Path keyStore = dir.resolve("sink.p12");
        Path pem = dir.resolve("sink.pem");
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        keytool(
                password,
                "-genkeypair",
                "-alias",
                "sink",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-dname",
                "CN=127.0.0.1, O=kusto-typed benchmarks",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-startdate",
                "-1d",
                "-validity",
                "30",
                "-keypass:env",
                "KT_STOREPASS",
                "-keystore",
                keyStore.toString());
        keytool(
                password,
                "-exportcert",
                "-rfc",
                "-alias",
                "sink",
                "-file",
                pem.toString(),
                "-keystore",
                keyStore.toString());
        return new SelfSignedTls(dir, keyStore, password, pem);
    }

    /** Deletes the two files and the directory. */
    public void delete() throws IOException {
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(certificatePem);
        Files.deleteIfExists(dir);
    }

    private static void keytool(String password, String... args) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass:env", "KT_STOREPASS"));
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
                        "keytool " + args[0] + " failed (exit " + p.exitValue() + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + keytool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
