package io.kustotyped.cli;

import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.TokenProvider;
import io.kustotyped.runtime.auth.ClusterTokens;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The kusto-typed command-line tool: lists, applies and checks the scripts the annotation processor generates
 * ({@code META-INF/kusto/<Table>.kql}). See {@link #USAGE}; exit status 0 on success, 1 on a failure or drift,
 * 2 on a bad command line.
 */
public final class KustoTypedCli {

    /** Exit status: everything worked and nothing differs. */
    static final int OK = 0;
    /** Exit status: a command failed, the scripts could not be read, or {@code check} found drift. */
    static final int FAILED = 1;
    /** Exit status: the command line is wrong. */
    static final int USAGE_ERROR = 2;

    static final String USAGE = """
            Usage: java -jar kusto-typed-cli.jar <command> [options] <source>...

            Applies the Kusto scripts that kusto-typed generates for each @KustoTable class
            (META-INF/kusto/<Table>.kql: the table, its JSON ingestion mapping, its streaming policy).

            Commands:
              list    list the tables and scripts found in the sources
              apply   run the scripts' commands on a cluster, in order, stopping at the first failure
              check   compare a cluster's tables with the scripts and print the drift

            A <source> is a jar (its META-INF/kusto/*.kql entries), a classes folder (its META-INF/kusto/*.kql
            files), a folder of .kql files, or a .kql file.

            Common options:
              --cluster URL    the cluster's engine URL (https://<cluster>.<region>.kusto.windows.net), or the
                               emulator's (http://127.0.0.1:<port>)
              --database DB    the database; by default each script's own (a script generated from
                               @KustoTable(database = "DB") names it in a '// database: DB' line)
              --table NAME     only this table (repeatable)
              --dry-run        print what would run, connect to nothing
              --trust-store F  trust the certificates in F (PEM, or PKCS#12/JKS with the password in
                               KUSTO_TRUST_STORE_PASSWORD) instead of the JDK's trust store, e.g. the CA of a
                               TLS-inspecting proxy or the emulator's --tls certificate
              --proxy URL      send requests through this HTTP CONNECT proxy, http://[user:password@]host:port;
                               '--proxy env' reads HTTPS_PROXY and NO_PROXY instead (keeps a password off
                               the command line)
              --help           this help; '<command> --help' for a command's own

            Tokens: KUSTO_ACCESS_TOKEN if set; else, for a loopback URL (the emulator), none; else from
            'az account get-access-token --resource <cluster>' when the Azure CLI is installed.

            Exit status: 0 success, 1 a command failed or check found drift, 2 bad command line.
            """;

    static final String LIST_USAGE = """
            Usage: java -jar kusto-typed-cli.jar list [--table NAME]... <source>...

            Prints, for every script found, its table, columns, JSON mapping name, whether it enables the
            streaming policy, and its commands (abbreviated). Connects to nothing.

            Exit status: 0 scripts found, 1 a source is missing or holds no script, 2 bad command line.
            """;

    static final String APPLY_USAGE = """
            Usage: java -jar kusto-typed-cli.jar apply --cluster URL [--database DB] [--table NAME]... [--dry-run]
                   <source>...

            Runs every command of every script on the cluster (POST /v1/rest/mgmt), script by script and in the
            order written, printing each command's outcome. Stops at the first failure and prints the Kusto error
            code and message; the commands after it are not run. The generated commands are idempotent
            (.create-merge table, .create-or-alter mapping, .alter policy), so running them again is safe.

            After each script it runs '.clear table T cache streamingingestion schema': streaming nodes cache
            schemas, and without it new tables, mappings and policies can take minutes to reach streaming
            ingestion.

              --database DB  the database; by default the script's own ('// database: DB', written for
                             @KustoTable(database = "DB"))

              --dry-run   print the commands that would run, in order, and connect to nothing

            Exit status: 0 every command succeeded, 1 one failed (or the scripts could not be read),
            2 bad command line.
            """;

    static final String CHECK_USAGE = """
            Usage: java -jar kusto-typed-cli.jar check --cluster URL [--database DB] [--table NAME]... [--strict]
                   [--dry-run] <source>...

            Compares each table on the cluster with its script: the columns of '.create-merge table' against
            '.show table T cslschema', the JSON mapping against '.show table T ingestion json mappings', and the
            streaming policy against '.show table T policy streamingingestion' (and the database's). Prints
            every difference with the generated command that fixes it.

            A column the table has and the script does not is reported but is not drift (ingestion leaves it
            empty), unless --strict. 'apply' fixes a missing table, column, mapping or policy; it cannot change a
            column's type (see the footer of a check that finds one).

              --database DB  the database; by default the script's own ('// database: DB')
              --strict       extra columns count as drift too
              --dry-run      print the commands check would run, and connect to nothing

            Exit status: 0 no drift, 1 drift found (or a command failed), 2 bad command line.
            """;

    /** The one line an argument error prints after the error itself. */
    static final String HELP_HINT = "Run 'java -jar kusto-typed-cli.jar --help' for the usage.";

    private KustoTypedCli() {}

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line, see {@link #USAGE}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the tool.
     *
     * @param args the command line
     * @param out where results go
     * @param err where errors go
     * @param env the environment ({@code KUSTO_ACCESS_TOKEN}, {@code PATH})
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 0) {
            err.println("error: no command; the commands are list, apply and check");
            err.println(HELP_HINT);
            return USAGE_ERROR;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (command) {
            case "--help", "-h", "help" -> {
                String usage = rest.isEmpty() ? USAGE : usageOf(rest.get(0));
                out.print(usage == null ? USAGE : usage);
                return OK;
            }
            case "list", "apply", "check" -> {}
            default -> {
                err.println("error: unknown command '" + command + "'; the commands are list, apply and check");
                err.println(HELP_HINT);
                return USAGE_ERROR;
            }
        }
        CliOptions options;
        try {
            options = CliOptions.parse(command, rest);
        } catch (CliOptions.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run 'java -jar kusto-typed-cli.jar " + command + " --help' for the usage.");
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.print(usageOf(command));
            return OK;
        }
        List<KqlScript> loaded;
        try {
            loaded = ScriptSources.load(options.sources());
        } catch (ScriptSources.SourceException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        List<String> missing = options.tables().stream()
                .filter(t -> loaded.stream().noneMatch(s -> t.equals(s.table())))
                .toList();
        if (!missing.isEmpty()) {
            err.println("error: no script for table(s) " + missing + "; the scripts are for "
                    + loaded.stream().map(KqlScript::table).toList());
            return FAILED;
        }
        List<KqlScript> scripts = options.tables().isEmpty()
                ? loaded
                : loaded.stream()
                        .filter(s -> options.tables().contains(s.table()))
                        .toList();
        if (command.equals("list")) {
            return ListCommand.run(scripts, out);
        }
        if (!options.dryRun()) {
            List<String> without = scripts.stream()
                    .filter(s -> options.databaseFor(s) == null)
                    .map(KqlScript::origin)
                    .toList();
            if (!without.isEmpty()) {
                err.println("error: '" + command + "' needs --database: " + String.join(", ", without)
                        + (without.size() == 1 ? " names" : " name") + " no database (@KustoTable(database = ...)"
                        + " writes one into the script)");
                err.println("Run 'java -jar kusto-typed-cli.jar " + command + " --help' for the usage.");
                return USAGE_ERROR;
            }
        }
        if (options.dryRun()) {
            return command.equals("apply")
                    ? ApplyCommand.dryRun(scripts, options, out)
                    : CheckCommand.dryRun(scripts, options, out);
        }
        return withClient(
                options,
                err,
                client -> command.equals("apply")
                        ? ApplyCommand.run(scripts, options, client, out, err)
                        : CheckCommand.run(scripts, options, client, out, err),
                env);
    }

    private static String usageOf(String command) {
        return switch (command) {
            case "list" -> LIST_USAGE;
            case "apply" -> APPLY_USAGE;
            case "check" -> CHECK_USAGE;
            default -> null;
        };
    }

    /** A body that uses a connected client and returns an exit status. */
    @FunctionalInterface
    interface ClientJob {
        int run(KustoClient client);
    }

    private static int withClient(CliOptions options, PrintStream err, ClientJob job, Map<String, String> env) {
        TokenProvider tokens;
        try {
            tokens = ClusterTokens.forCluster(options.cluster(), env);
        } catch (ClusterTokens.MissingTokenException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        Vertx vertx = Vertx.vertx();
        try {
            KustoClientOptions clientOptions = new KustoClientOptions()
                    .setClusterUrl(options.cluster())
                    .setTokenProvider(tokens)
                    .setApplication("kusto-typed-cli");
            if (options.trustStore() != null) {
                clientOptions.setTrustStore(options.trustStore(), env.get("KUSTO_TRUST_STORE_PASSWORD"));
            }
            if ("env".equals(options.proxy())) {
                clientOptions.useProxyFromEnvironment();
            } else if (options.proxy() != null) {
                clientOptions.setProxy(options.proxy());
            }
            KustoClient client = KustoClient.create(vertx, clientOptions);
            try {
                return job.run(client);
            } finally {
                client.close().await();
            }
        } catch (Exception e) { // Future.await rethrows the failure as it is, checked or not
            err.println("error: " + e.getMessage());
            return FAILED;
        } finally {
            vertx.close().await();
        }
    }
}
