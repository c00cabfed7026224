package io.kustotyped.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of one subcommand.
 *
 * @param command the subcommand: {@code list}, {@code apply} or {@code check}
 * @param sources the jars, folders and {@code .kql} files to read scripts from
 * @param cluster the cluster URL, or null
 * @param database the database, or null to take each script's own ({@code // database:}, from
 *     {@code @KustoTable(database)})
 * @param tables only these tables (all when empty)
 * @param dryRun print what would run instead of running it
 * @param strict {@code check}: extra columns in the live table count as drift too
 * @param help print the subcommand's help
 * @param trustStore the certificates to trust instead of the JDK's (PEM, PKCS#12 or JKS), or null
 * @param proxy the HTTP CONNECT proxy URL, {@code env} for {@code HTTPS_PROXY}/{@code NO_PROXY}, or null
 */
record CliOptions(
        String command,
        List<Path> sources,
        String cluster,
        String database,
        List<String> tables,
        boolean dryRun,
        boolean strict,
        boolean help,
        Path trustStore,
        String proxy) {

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static CliOptions parse(String command, List<String> args) throws UsageException {
        List<Path> sources = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        String cluster = null;
        String database = null;
        boolean dryRun = false;
        boolean strict = false;
        boolean help = false;
        Path trustStore = null;
        String proxy = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--cluster" -> cluster = value(args, i++, a);
                case "--database" -> database = value(args, i++, a);
                case "--table" -> tables.add(value(args, i++, a));
                case "--trust-store" -> trustStore = Path.of(value(args, i++, a));
                case "--proxy" -> proxy = value(args, i++, a);
                case "--dry-run" -> dryRun = true;
                case "--strict" -> strict = true;
                case "--help", "-h" -> help = true;
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "' for '" + command + "'");
                    }
                    sources.add(Path.of(a));
                }
            }
        }
        if (help) {
            return new CliOptions(command, sources, cluster, database, tables, dryRun, strict, true, trustStore, proxy);
        }
        if (sources.isEmpty()) {
            throw new UsageException("'" + command + "' needs at least one jar, classes folder or .kql file");
        }
        if (strict && !command.equals("check")) {
            throw new UsageException("--strict is an option of 'check' only");
        }
        if (dryRun && command.equals("list")) {
            throw new UsageException("'list' only prints; --dry-run is for 'apply' and 'check'");
        }
        if (!command.equals("list") && !dryRun && cluster == null) {
            throw new UsageException("'" + command + "' needs --cluster (or --dry-run)");
        }
        if (cluster != null && !cluster.startsWith("https://") && !cluster.startsWith("http://")) {
            throw new UsageException("--cluster needs an http(s) URL, got '" + cluster + "'");
        }
        return new CliOptions(command, sources, cluster, database, tables, dryRun, strict, false, trustStore, proxy);
    }

    /** The database the commands of {@code script} run in: {@code --database}, else the script's own, else null. */
    String databaseFor(KqlScript script) {
        return database != null ? database : script.database();
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i + 1);
    }
}
