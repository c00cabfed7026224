package io.kustotyped.emulator.dm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running Azurite (Microsoft's Azure Storage emulator, npm {@code azurite}), started as a child process on free
 * loopback ports with the well-known development account:
 *
 * <pre>{@code
 * try (Azurite azurite = Azurite.builder().start()) {          // in memory
 *     StorageAccount account = azurite.account();            // blob, queue and table endpoints
 * }
 * }</pre>
 *
 * <p>It runs {@code azurite --skipApiVersionCheck --loose --disableTelemetry} with port 0 for each service and reads
 * the ports Azurite prints. The command is, in this order: {@link Builder#command(List)}; the system property
 * {@code kusto.emulator.azurite} or the environment variable {@code KUSTO_EMULATOR_AZURITE} (a path to an Azurite
 * executable); {@code tools/azurite/azurite} of a kusto-typed checkout at or above the working directory (it
 * installs the pinned Azurite with npm on first use); {@code azurite} on the {@code PATH}. {@link #close()} stops
 * the process and its descendants; the Azurite of a checkout also exits when the JVM that started it dies.
 */
public final class Azurite implements AutoCloseable {
    /** The environment variable naming an Azurite executable. */
    public static final String COMMAND_ENV = "KUSTO_EMULATOR_AZURITE";
    /** The system property naming an Azurite executable. */
    public static final String COMMAND_PROPERTY = "kusto.emulator.azurite";

    private static final Pattern LISTENING =
            Pattern.compile("Azurite (Blob|Queue|Table) service is successfully listening at https?://[^:]+:(\\d+)");
    /** Exit status of tools/azurite/azurite when node or npm is missing or the install failed. */
    private static final int TOOL_UNAVAILABLE = 3;

    private final Process process;
    private final StorageAccount account;
    private final Path location;
    private final Path ownedDirectory;
    private final Deque<String> output;

    private Azurite(Process process, StorageAccount account, Path location, Path ownedDirectory, Deque<String> output) {
        this.process = process;
        this.account = account;
        this.location = location;
        this.ownedDirectory = ownedDirectory;
        this.output = output;
    }

    /** @return a builder: in-memory persistence, the command found as the class comment says, 3 min to start */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the development account on this Azurite's blob, queue and table endpoints */
    public StorageAccount account() {
        return account;
    }

    /** @return the folder Azurite persists to, or null with in-memory persistence */
    public Path location() {
        return location;
    }

    /** @return the process id of the Azurite process */
    public long pid() {
        return process.pid();
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Azurite and every process it started, and waits for them (10 s, then by force). */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
                awaitExit(p);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        if (ownedDirectory != null) {
            deleteTree(ownedDirectory);
        }
    }

    @Override
    public String toString() {
        return "Azurite[pid " + process.pid() + ", " + account + "]";
    }

    /** Options of an Azurite process; {@link #start()} starts one. */
    public static final class Builder {
        private Path location;
        private List<String> command;
        private Duration startTimeout = Duration.ofMinutes(3);

        private Builder() {}

        /**
         * Persists blobs, queues and tables in this folder instead of memory: a new Azurite on the same folder
         * finds them again (for crash tests).
         *
         * @param location the folder, created when missing
         * @return this builder
         */
        public Builder location(Path location) {
            this.location = Objects.requireNonNull(location, "location");
            return this;
        }

        /**
         * The command that runs Azurite, before the options this class adds (e.g. {@code List.of("azurite")}).
         *
         * @param command the executable and its first arguments
         * @return this builder
         */
        public Builder command(List<String> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /**
         * How long Azurite may take to listen (the first run of the checkout's script installs it with npm).
         *
         * @param timeout the timeout (default 3 min)
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Starts Azurite and waits until its three services answer.
         *
         * @return the running Azurite
         * @throws AzuriteUnavailableException when no Azurite command is found, or node is missing
         * @throws IllegalStateException when Azurite fails to start, with its last output
         */
        public Azurite start() {
            List<String> cmd = new ArrayList<>(command != null ? command : findCommand());
            Path workDir;
            Path owned = null;
            try {
                if (location != null) {
                    Files.createDirectories(location);
                    workDir = location;
                    cmd.addAll(List.of("--location", location.toString()));
                } else {
                    // Azurite writes its debug and loki files to the working directory even in memory mode
                    owned = Files.createTempDirectory("azurite-");
                    workDir = owned;
                    cmd.add("--inMemoryPersistence");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create Azurite's folder: " + e.getMessage(), e);
            }
            cmd.addAll(List.of(
                    "--skipApiVersionCheck",
                    "--loose",
                    "--disableTelemetry",
                    "--blobHost",
                    "127.0.0.1",
                    "--blobPort",
                    "0",
                    "--queueHost",
                    "127.0.0.1",
                    "--queuePort",
                    "0",
                    "--tableHost",
                    "127.0.0.1",
                    "--tablePort",
                    "0"));
            ProcessBuilder pb =
                    new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
            pb.environment().put("AZURITE_EXIT_WITH_STDIN", "1");
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                deleteTree(owned);
                throw new AzuriteUnavailableException(
                        "cannot run Azurite (" + String.join(" ", cmd) + "): " + e.getMessage() + ". " + HINT, e);
            }
            Deque<String> output = new ArrayDeque<>();
            CompletableFuture<int[]> ports = new CompletableFuture<>();
            Thread reader = new Thread(() -> readOutput(process, output, ports), "azurite-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            try {
                int[] p = ports.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
                StorageAccount account = StorageAccount.devStoreAccount(p[0], p[1], p[2]);
                Azurite azurite = new Azurite(process, account, location, owned, output);
                for (int port : p) {
                    awaitAnswer(port, process, output);
                }
                return azurite;
            } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                waitFor(process);
                deleteTree(owned);
                String last = lastOutput(output);
                if (process.exitValue() == TOOL_UNAVAILABLE) {
                    throw new AzuriteUnavailableException("Azurite is not available: " + last, e);
                }
                String why = e instanceof TimeoutException
                        ? "did not listen within " + startTimeout.toSeconds() + " s"
                        : "failed to start";
                throw new IllegalStateException(
                        "Azurite (" + String.join(" ", cmd) + ") " + why + "; its last output: " + last, e);
            }
        }
    }

    private static final String HINT = "Install Node.js 18 or later with npm and run tools/azurite/azurite from a "
            + "kusto-typed checkout, or `npm install -g azurite@3.35.0`, or name an Azurite executable with -D"
            + COMMAND_PROPERTY + "=<path> or " + COMMAND_ENV + "=<path>";

    private static List<String> findCommand() {
        String configured = System.getProperty(COMMAND_PROPERTY, System.getenv(COMMAND_ENV));
        if (configured != null && !configured.isBlank()) {
            return List.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("tools/azurite/azurite");
            if (Files.isRegularFile(dir.resolve("tools/azurite/package.json")) && Files.isExecutable(script)) {
                return List.of(script.toString());
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "azurite"))) {
                    return List.of(Path.of(dir, "azurite").toString());
                }
            }
        }
        throw new AzuriteUnavailableException("no Azurite found. " + HINT);
    }

    private static void readOutput(Process process, Deque<String> output, CompletableFuture<int[]> ports) {
        int[] found = new int[3];
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > 20) {
                        output.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    int index = switch (m.group(1)) {
                        case "Blob" -> 0;
                        case "Queue" -> 1;
                        default -> 2;
                    };
                    found[index] = Integer.parseInt(m.group(2));
                    if (found[0] > 0 && found[1] > 0 && found[2] > 0) {
                        ports.complete(found.clone());
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        ports.completeExceptionally(new IllegalStateException("Azurite exited before listening"));
    }

    /** Waits until the port accepts a connection and answers an HTTP request with a status line. */
    private static void awaitAnswer(int port, Process process, Deque<String> output) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IOException last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                socket.setSoTimeout(5000);
                socket.getOutputStream()
                        .write(("GET /" + StorageAccount.DEV_ACCOUNT + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                                        + "\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                byte[] head = socket.getInputStream().readNBytes(12);
                if (new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 ")) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("Azurite's port " + port + " does not answer HTTP"
                + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    private static void awaitExit(ProcessHandle p) {
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a process that survives SIGKILL for 10 s: nothing more to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastOutput(Deque<String> output) {
        synchronized (output) {
            return output.isEmpty() ? "(none)" : String.join(" | ", output);
        }
    }

    /** @return Azurite's last lines of output (at most 20), for diagnostics */
    public String lastOutput() {
        return lastOutput(output);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left behind in the temporary folder
                }
            });
        } catch (IOException e) {
            // left behind in the temporary folder
        }
    }
}
