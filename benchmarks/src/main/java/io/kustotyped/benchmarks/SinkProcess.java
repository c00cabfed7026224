package io.kustotyped.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@link LoopbackSink} as a process of its own, for {@link EndToEnd}: prints {@code PORT <port>} once listening,
 * then answers each line on standard input ({@code STATS}) with {@code STATS <ingest requests> <body bytes> <other
 * requests>}, and exits when standard input closes.
 */
public final class SinkProcess {

    private SinkProcess() {}

    /**
     * Runs the sink until standard input closes.
     *
     * @param args none
     * @throws Exception if the sink does not start
     */
    public static void main(String[] args) throws Exception {
        try (LoopbackSink sink = LoopbackSink.start();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("PORT " + sink.port());
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("STATS")) {
                    System.out.println(
                            "STATS " + sink.ingestRequests() + " " + sink.bodyBytes() + " " + sink.otherRequests());
                    System.out.flush();
                }
            }
        }
    }
}
