package io.kustotyped.runtime.impl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Small HTTP helpers: percent-encoding, loopback detection, {@code Retry-After}. Internal. */
public final class Http {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Http() {}

    /**
     * Percent-encodes {@code s} as UTF-8, keeping only RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}).
     * Safe for both path segments and query values (docs/kusto-rules.md §1.1: names may hold spaces, dots, dashes).
     */
    public static String percentEncode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * True for {@code localhost}, IPv4 {@code 127.0.0.0/8} and IPv6 {@code ::1} literals. Never resolves a name
     * (a name that resolves to loopback today may not tomorrow).
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean ipv4Literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6Literal = h.indexOf(':') >= 0 && h.matches("[0-9A-Fa-f:.]+");
        if (!ipv4Literal && !ipv6Literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Parses a {@code Retry-After} value: delta-seconds or an HTTP date (RFC 9110 §10.2.3). Null when absent or
     * unparsable; never negative.
     */
    public static Duration parseRetryAfter(String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
