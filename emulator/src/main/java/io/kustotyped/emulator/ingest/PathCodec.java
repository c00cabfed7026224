package io.kustotyped.emulator.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of URL path segments (kusto-facts §1.1: clients may or may not encode names). */
public final class PathCodec {
  private PathCodec() {}

  /**
   * Decodes {@code %XX} escapes as UTF-8; unlike form decoding, {@code +} stays {@code +}. A malformed escape is
   * kept as written.
   *
   * @param segment the raw segment
   * @return the decoded text
   */
  public static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%' && i + 2 < segment.length() + 0 && isHex(segment.charAt(i + 1)) && isHex(segment.charAt(i + 2))) {
        out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
