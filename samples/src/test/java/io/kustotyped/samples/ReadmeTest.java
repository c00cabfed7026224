package io.kustotyped.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: every {@code java} block in it is quoted from a file in
 * {@code samples/src/main/java/io/kustotyped/samples/readme/} (which the build compiles), every such file is quoted,
 * and the quick start holds exactly the two commands.
 */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLES = Path.of("src", "main", "java", "io", "kustotyped", "samples", "readme");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");

    private static String readme() throws IOException {
        return Files.readString(README);
    }

    private static Map<Path, List<String>> examples() throws IOException {
        Map<Path, List<String>> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files.put(p, Files.readAllLines(p));
            }
        }
        return files;
    }

    @Test
    void everyJavaBlockIsQuotedFromACompiledExampleAndEveryExampleIsQuoted() throws IOException {
        Map<Path, List<String>> files = examples();
        assertFalse(files.isEmpty());
        Map<Path, Integer> quoted = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(readme());
        int blocks = 0;
        while (m.find()) {
            if (!m.group(1).equals("java")) {
                continue;
            }
            blocks++;
            List<String> block = m.group(2).lines().toList();
            Path source = files.entrySet().stream()
                    .filter(e -> contains(e.getValue(), block))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (source == null) {
                fail("README java block #" + blocks + " starting '"
                        + block.get(0).strip() + "' is not quoted from any " + "file in " + EXAMPLES
                        + ": copy it from the file, or change the file and copy it again");
            }
            quoted.merge(source, 1, Integer::sum);
        }
        assertTrue(blocks >= files.size(), "the README has " + blocks + " java blocks");
        List<Path> unquoted = new ArrayList<>(files.keySet());
        unquoted.removeAll(quoted.keySet());
        assertEquals(List.of(), unquoted, "every example file is quoted in the README");
    }

    @Test
    void everyJavaBlockLinksTheFileItIsQuotedFrom() throws IOException {
        Map<Path, List<String>> files = examples();
        String readme = readme();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            if (!m.group(1).equals("java")) {
                continue;
            }
            List<String> block = m.group(2).lines().toList();
            String next = readme.substring(m.end())
                    .lines()
                    .filter(l -> !l.isBlank())
                    .findFirst()
                    .orElse("")
                    .strip();
            Path source = files.entrySet().stream()
                    .filter(e -> contains(e.getValue(), block))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
            String link = "](samples/src/main/java/io/kustotyped/samples/readme/" + source.getFileName() + ")";
            assertTrue(
                    next.contains(link),
                    "the README java block starting '" + block.get(0).strip() + "' is followed by a link to its file"
                            + " (which shows the imports): expected '" + link + "' in '" + next + "'");
        }
    }

    /** The first fenced block of {@code language} after {@code heading}. */
    private static List<String> blockAfter(String heading, String language) throws IOException {
        String readme = readme();
        int at = readme.indexOf(heading);
        assertTrue(at >= 0, "the README has '" + heading + "'");
        Matcher m = BLOCK.matcher(readme);
        while (m.find(at)) {
            if (m.group(1).equals(language)) {
                return m.group(2).lines().toList();
            }
            at = m.end();
        }
        throw new AssertionError("no " + language + " block after '" + heading + "'");
    }

    @Test
    void theMavenSnippetIsTheMavenConsumersPomWithoutItsCoordinates() throws IOException {
        List<String> pom = Files.readAllLines(Path.of("..", "examples", "maven-consumer", "pom.xml"));
        int from = pom.indexOf("  <properties>");
        int to = pom.indexOf("</project>");
        assertTrue(from > 0 && to > from, "examples/maven-consumer/pom.xml has <properties> ... </project>");
        List<String> snippet = blockAfter("## Set-up", "xml");
        assertEquals(dedent(pom.subList(from, to)), dedent(snippet), "README's Maven snippet vs the consumer's pom");
        String version = Files.readString(Path.of("..", "pom.xml"))
                .replaceFirst("(?s).*?</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertTrue(
                snippet.contains("  <kusto-typed.version>" + version + "</kusto-typed.version>"),
                "the snippet names this build's version " + version);
        for (String needed : List.of(
                "<maven.compiler.release>17</maven.compiler.release>",
                "<version>3.14.0</version>",
                "<annotationProcessorPaths>",
                "<artifactId>maven-surefire-plugin</artifactId>",
                "<artifactId>junit-jupiter</artifactId>")) {
            assertTrue(snippet.stream().anyMatch(l -> l.strip().equals(needed)), "the snippet has " + needed);
        }
    }

    @Test
    void theGradleBlockIsTheGradleConsumersDependencyBlock() throws IOException {
        List<String> build = Files.readAllLines(Path.of("..", "examples", "gradle-consumer", "build.gradle"));
        int from = build.indexOf("dependencies {");
        int to = build.subList(from, build.size()).indexOf("}") + from;
        assertEquals(build.subList(from, to + 1), blockAfter("## Set-up", "groovy"));
        assertTrue(readme().contains("has **not been run**"), "the README says the Gradle build was not run");
    }

    @Test
    void theQuickStartIsTheTwoCommandsMainJobFirst() throws IOException {
        String readme = readme();
        int at = readme.indexOf("## Quick start");
        assertTrue(at > 0, "a '## Quick start' section");
        Matcher m = BLOCK.matcher(readme);
        assertTrue(m.find(at));
        assertEquals(
                List.of(
                        "mvn -B -q -pl samples -am package -DskipTests && java -jar samples/target/kusto-typed-sample.jar",
                        "mvn -B verify"),
                m.group(2).lines().toList());
        assertTrue(readme.substring(0, at).lines().count() < 25, "the quick start is on the first screen");
    }

    @Test
    void theMatcherRejectsAlteredQuotes() {
        List<String> file = List.of("class A {", "    void f() {", "        g(1);", "    }", "}");
        assertTrue(contains(file, List.of("void f() {", "    g(1);", "}")));
        assertFalse(contains(file, List.of("void f() {", "    g(2);", "}")));
        assertFalse(contains(file, List.of("void f() {", "g(1);", "}")), "relative indentation counts");
    }

    /** True when {@code block} equals consecutive lines of {@code file}, both with their common indent removed. */
    static boolean contains(List<String> file, List<String> block) {
        List<String> b = dedent(block);
        for (int i = 0; i + b.size() <= file.size(); i++) {
            if (dedent(file.subList(i, i + b.size())).equals(b)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .toList();
    }
}
