package io.kustotyped.benchmarks;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * {@link LoopbackSink} as a process of its own, for {@link EndToEnd}: prints {@code PORT <port>} once listening,
 * then answers each line on standard input and exits when standard input closes: {@code STATS} with {@code STATS
 * <ingest requests> <body bytes> <other requests>}; {@code CAPTURE} keeps the next ingest request (answered
 * {@code OK}); {@code CAPTURED} gunzips that request's body and answers {@code CAPTURED <content-encoding> <lines>
 * <first line>}, so {@link EndToEnd} can check what arrived outside its timed path.
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
                } else if (line.equals("CAPTURE")) {
                    sink.captureNext();
                    System.out.println("OK");
                } else if (line.equals("CAPTURED")) {
                    LoopbackSink.Captured c = sink.takeCaptured();
                    String text;
                    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(c.body()))) {
                        text = new String(gz.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    String[] lines = text.split("\n");
                    System.out.println("CAPTURED " + c.contentEncoding() + " " + lines.length + " " + lines[0]);
                } else {
                    System.out.println("ERROR unknown command " + line);
                }
                System.out.flush();
            }
        }
    }
}
