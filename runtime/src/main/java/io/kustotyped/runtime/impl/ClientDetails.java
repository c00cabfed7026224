package io.kustotyped.runtime.impl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Values of the {@code x-ms-client-version}, {@code x-ms-app} and {@code x-ms-user} headers. Internal. */
public final class ClientDetails {

    /** The runtime's version, from the filtered {@code version.properties} resource. */
    public static final String VERSION = loadVersion();

    private ClientDetails() {}

    /** {@code kusto-typed:{version}|Runtime.{java.vm.name}:{java.version}}, spaces replaced by {@code _}. */
    public static String clientVersion() {
        return "kusto-typed:{" + VERSION + "}|Runtime.{"
                + ascii(System.getProperty("java.vm.name", "unknown")).replace(' ', '_') + "}:{"
                + ascii(System.getProperty("java.version", "unknown")) + "}";
    }

    /** The main class (from {@code sun.java.command}) or {@code kusto-typed}. */
    public static String defaultApplication() {
        String command = System.getProperty("sun.java.command");
        if (command != null && !command.isBlank()) {
            String first = command.trim().split("\\s+")[0];
            int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
            return ascii(first.substring(slash + 1));
        }
        return "kusto-typed";
    }

    /** The {@code user.name} system property or {@code [none]}. */
    public static String defaultUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "[none]" : ascii(user);
    }

    /** Header values must be ASCII: anything else becomes {@code ?} (as the official SDK does, docs/kusto-rules.md §2.2). */
    public static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    private static String loadVersion() {
        try (InputStream in = ClientDetails.class.getResourceAsStream("/io/kustotyped/runtime/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "unknown";
    }
}
