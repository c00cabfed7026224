package io.kustotyped.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the generated scripts: the {@code META-INF/kusto/*.kql} entries of a jar, the same files under a classes
 * folder, the {@code .kql} files of a folder, or {@code .kql} files named directly. Scripts of one source are
 * taken in name order; sources in the order given.
 */
final class ScriptSources {

    static final String SCRIPT_DIR = "META-INF/kusto/";

    private ScriptSources() {}

    /** A source that does not exist or holds no script. */
    static final class SourceException extends Exception {
        private static final long serialVersionUID = 1L;

        SourceException(String message) {
            super(message);
        }
    }

    /**
     * Loads every script of every source.
     *
     * @param sources jar files, folders or {@code .kql} files
     * @return the scripts, parsed
     * @throws SourceException when a source is missing, unreadable or has no script
     * @throws IllegalArgumentException when a script is malformed
     */
    static List<KqlScript> load(List<Path> sources) throws SourceException {
        List<KqlScript> scripts = new ArrayList<>();
        for (Path source : sources) {
            List<KqlScript> found = loadOne(source);
            if (found.isEmpty()) {
                throw new SourceException("no generated scripts (" + SCRIPT_DIR + "*.kql) in " + source);
            }
            scripts.addAll(found);
        }
        return scripts;
    }

    private static List<KqlScript> loadOne(Path source) throws SourceException {
        if (!Files.exists(source)) {
            throw new SourceException("no such file or folder: " + source);
        }
        try {
            if (Files.isDirectory(source)) {
                Path generated = source.resolve(SCRIPT_DIR);
                return folder(Files.isDirectory(generated) ? generated : source);
            }
            String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".kql")) {
                return List.of(KqlScript.parse(source.toString(), Files.readString(source, StandardCharsets.UTF_8)));
            }
            if (name.endsWith(".jar") || name.endsWith(".zip") || name.endsWith(".war")) {
                return jar(source);
            }
        } catch (IOException e) {
            throw new SourceException("cannot read " + source + ": " + e.getMessage());
        }
        throw new SourceException(source + " is not a jar, a folder or a .kql file");
    }

    private static List<KqlScript> folder(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".kql"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        List<KqlScript> out = new ArrayList<>();
        for (Path f : files) {
            out.add(KqlScript.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static List<KqlScript> jar(Path jar) throws IOException {
        List<KqlScript> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String n = entry.getName();
                if (!entry.isDirectory()
                        && n.startsWith(SCRIPT_DIR)
                        && n.indexOf('/', SCRIPT_DIR.length()) < 0
                        && n.toLowerCase(Locale.ROOT).endsWith(".kql")) {
                    entries.add(entry);
                }
            }
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry entry : entries) {
                try (InputStream in = zip.getInputStream(entry)) {
                    out.add(KqlScript.parse(
                            jar + "!/" + entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }
}
