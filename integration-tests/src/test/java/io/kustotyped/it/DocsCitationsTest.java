package io.kustotyped.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: code and docs cite only documents inside it ({@code docs/}), every cited section of
 * {@code docs/kusto-rules.md} and {@code docs/performance.md} is a heading there, and no source, script, tool or
 * markdown file points at reference notes kept outside the repository.
 */
class DocsCitationsTest {

    /** Folders never scanned: build output, installed npm packages, VCS and IDE data. */
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", ".git", ".idea", ".vscode");

    /** {@code docs/<name>.md}, then optionally section numbers: {@code §1.5}, {@code §1.5, §1.6}, {@code §3.3–§3.5}. */
    private static final Pattern CITATION =
            Pattern.compile("docs/([A-Za-z0-9_-]+\\.md)((?:(?:\\s*(?:,|/|–|-|and|or)?\\s*)§\\d+(?:\\.\\d+)*)*)");

    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)*)");

    /** A markdown heading that starts with a section number: {@code ## 1. Title}, {@code ### 1.5 Title}. */
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(\\d+(?:\\.\\d+)*)\\.?\\s", Pattern.MULTILINE);

    private static final Path ROOT = repositoryRoot();

    @Test
    void nothingRefersToNotesOutsideTheRepository() throws IOException {
        // Spelled in pieces so this file does not match itself.
        List<String> forbidden = List.of("../" + "shared", "kusto" + "-facts", "performance" + "-anchors");
        List<String> offences = new ArrayList<>();
        for (Path file : scannedFiles()) {
            String text = read(file);
            for (String word : forbidden) {
                int at = text.indexOf(word);
                if (at >= 0) {
                    offences.add(ROOT.relativize(file) + ":" + lineOf(text, at) + " mentions '" + word + "'");
                }
            }
        }
        assertEquals(List.of(), offences, "cite docs/ or a Microsoft Learn URL instead");
    }

    @Test
    void everyCitedSectionIsAHeadingOfItsDocument() throws IOException {
        TreeMap<String, Set<String>> headings = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        int citations = 0;
        for (Path file : scannedFiles()) {
            String text = read(file);
            Matcher m = CITATION.matcher(text);
            while (m.find()) {
                citations++;
                String doc = m.group(1);
                String where = ROOT.relativize(file) + ":" + lineOf(text, m.start());
                Set<String> sections = headings.computeIfAbsent(doc, DocsCitationsTest::headingsOf);
                if (sections == null) {
                    missing.add(where + " cites docs/" + doc + ", which does not exist");
                    continue;
                }
                Matcher s = SECTION.matcher(m.group(2));
                while (s.find()) {
                    if (!sections.contains(s.group(1))) {
                        missing.add(where + " cites docs/" + doc + " §" + s.group(1) + ", which has no such heading");
                    }
                }
            }
        }
        assertTrue(
                citations > 100, "found only " + citations + " citations of docs/: is the scan looking at the code?");
        assertEquals(List.of(), missing);
    }

    @Test
    void theCitedDocumentsHaveNumberedSections() {
        for (String doc : List.of("kusto-rules.md", "performance.md")) {
            Set<String> sections = headingsOf(doc);
            assertFalse(sections == null || sections.isEmpty(), "docs/" + doc + " has no numbered headings");
        }
    }

    /** The section numbers of {@code docs/<doc>}'s headings, or null when the file does not exist. */
    private static Set<String> headingsOf(String doc) {
        Path file = ROOT.resolve("docs").resolve(doc);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Set<String> sections = new TreeSet<>();
        Matcher m = HEADING.matcher(read(file));
        while (m.find()) {
            sections.add(m.group(1));
        }
        return sections;
    }

    /** Every file under a src/ folder, .ci/, tools/ and docs/, plus every markdown file and pom. */
    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(ROOT)) {
            all.filter(Files::isRegularFile)
                    .filter(p -> !isSkipped(ROOT.relativize(p)))
                    .filter(p -> isScanned(ROOT.relativize(p)))
                    .forEach(files::add);
        }
        assertFalse(files.isEmpty(), "nothing to scan under " + ROOT);
        return files;
    }

    private static boolean isSkipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPart(Path relative, String name) {
        for (Path part : relative) {
            if (part.toString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScanned(Path relative) {
        String first = relative.getName(0).toString();
        String name = relative.getFileName().toString();
        return first.equals(".ci")
                || first.equals("tools")
                || first.equals("docs")
                || hasPart(relative, "src")
                || name.endsWith(".md")
                || name.equals("pom.xml");
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The checkout's root: the nearest folder above the working directory holding the parent pom and this module. */
    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("integration-tests"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }
}
