package io.kustotyped.runtime.impl.deflate;

/**
 * The constant tables of DEFLATE (RFC 1951 §3.2.5 and §3.2.6): length and distance codes with their extra bits, the
 * fixed Huffman code lengths, and the order in which a dynamic block lists the code-length code lengths (§3.2.7).
 */
final class DeflateTables {

    /** Literal/length alphabet: 256 literals, end of block, 29 length codes (286 used of 288). */
    static final int LITLEN_SYMBOLS = 286;

    static final int END_OF_BLOCK = 256;

    /** Distance alphabet: 30 codes (32 in the fixed code). */
    static final int DIST_SYMBOLS = 30;

    /** Code-length alphabet: 0-15 plus the run codes 16, 17 and 18 (§3.2.7). */
    static final int CODELEN_SYMBOLS = 19;

    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;
    static final int WINDOW = 32 * 1024;

    /** Length code 0-28 (symbol 257 + code) of a match length minus 3 (0-255). */
    static final byte[] LENGTH_CODE = new byte[256];

    /** The smallest match length minus 3 of each length code. */
    static final short[] LENGTH_BASE = {
        0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255
    };

    static final byte[] LENGTH_EXTRA = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
    };

    /** The smallest distance minus 1 of each distance code. */
    static final int[] DIST_BASE = {
        0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096,
        6144, 8192, 12288, 16384, 24576
    };

    static final byte[] DIST_EXTRA = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
    };

    /**
     * Distance code of a distance minus 1, as zlib's {@code _dist_code}: entries 0-255 for distances 1-256, entries
     * 256-511 for {@code 256 + ((distance - 1) >>> 7)}; see {@link #distCode}.
     */
    private static final byte[] DIST_CODE = new byte[512];

    /** The order of the code-length code lengths in a dynamic block header (§3.2.7). */
    static final byte[] CODELEN_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** Fixed literal/length code lengths (§3.2.6), 288 symbols. */
    static final byte[] FIXED_LITLEN_LENGTHS = new byte[288];

    /** Fixed distance code lengths (§3.2.6): 5 bits each, 32 symbols. */
    static final byte[] FIXED_DIST_LENGTHS = new byte[32];

    static {
        for (int code = 0; code < 29; code++) {
            int from = LENGTH_BASE[code];
            int to = code == 28 ? 256 : LENGTH_BASE[code + 1];
            for (int l = from; l < to; l++) {
                LENGTH_CODE[l] = (byte) code;
            }
        }
        LENGTH_CODE[255] = 28; // length 258 has its own code (285) although 284 plus 31 would also reach it
        for (int code = 0; code < 30; code++) {
            int from = DIST_BASE[code];
            int to = from + (1 << DIST_EXTRA[code]);
            for (int d = from; d < to; d++) {
                if (d < 256) {
                    DIST_CODE[d] = (byte) code;
                } else {
                    DIST_CODE[256 + (d >>> 7)] = (byte) code;
                }
            }
        }
        for (int s = 0; s < 288; s++) {
            FIXED_LITLEN_LENGTHS[s] = (byte) (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8);
        }
        java.util.Arrays.fill(FIXED_DIST_LENGTHS, (byte) 5);
    }

    private DeflateTables() {}

    /** The distance code (0-29) of {@code distMinus1} (0-32767). */
    static int distCode(int distMinus1) {
        return DIST_CODE[distMinus1 < 256 ? distMinus1 : 256 + (distMinus1 >>> 7)];
    }
}
