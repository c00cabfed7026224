package io.kustotyped.it.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processor's own tests compile generated code against a copy of the runtime's contract types
 * ({@code processor/src/test/resources/runtime-contract}), because the processor must not depend on the runtime, not
 * even in tests. This test keeps that copy honest: every constructor and method the copy declares must exist, with the
 * same parameter types, on the real runtime class, so the golden test can never pass against an API the runtime no
 * longer has.
 */
class RuntimeContractCopyTest {

    private static final Path COPY = Path.of("..", "processor", "src", "test", "resources", "runtime-contract");

    /** A public or protected constructor or method declaration on one line: name and parameter list. */
    private static final Pattern MEMBER = Pattern.compile(
            "^\\s*(?:public|protected)\\s+(?:static\\s+|final\\s+|abstract\\s+)*(?:[\\w.<>\\[\\], ?]+\\s+)?(\\w+)\\(([^)]*)\\)");

    /** An interface method: implicitly public, no modifier, ends with {@code );}. */
    private static final Pattern INTERFACE_METHOD = Pattern.compile("^\\s+[\\w.<>\\[\\], ?]+\\s+(\\w+)\\(([^)]*)\\);");

    @Test
    void everyMemberOfTheCopyExistsOnTheRealRuntime() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(COPY)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "expected the contract copy under " + COPY.toAbsolutePath());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            String className =
                    COPY.relativize(file).toString().replace(".java", "").replace('/', '.');
            Class<?> real = Class.forName(className);
            for (String line : lines(file)) {
                Matcher m = (real.isInterface() ? INTERFACE_METHOD : MEMBER).matcher(line);
                if (!m.find()
                        || line.contains(" class ")
                        || line.contains(" interface ")
                        || line.contains(" record ")) {
                    continue;
                }
                checked++;
                String name = m.group(1);
                List<String> params = paramTypes(m.group(2));
                boolean isConstructor = name.equals(real.getSimpleName());
                List<Executable> candidates = new ArrayList<>(
                        Arrays.asList(isConstructor ? real.getDeclaredConstructors() : real.getMethods()));
                boolean found = candidates.stream()
                        .filter(e -> isConstructor || e.getName().equals(name))
                        .filter(e -> Modifier.isPublic(e.getModifiers()) || Modifier.isProtected(e.getModifiers()))
                        .anyMatch(e -> simpleNames(e).equals(params));
                if (!found) {
                    missing.add(className + "." + name + params);
                }
            }
        }
        assertTrue(checked > 30, "parsed only " + checked + " members from the copy");
        assertEquals(List.of(), missing, "members of the processor's runtime-contract copy that the runtime lacks");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    private static List<String> paramTypes(String params) {
        List<String> types = new ArrayList<>();
        if (params.isBlank()) {
            return types;
        }
        for (String p : params.replaceAll("<[^<>]*>", "").split(",")) {
            String[] parts = p.trim().split("\\s+");
            String type = parts[parts.length - 2].replaceAll(".*\\.", "");
            types.add(type.matches("[A-Z]") ? "Object" : type); // a type variable erases to Object
        }
        return types;
    }

    private static List<String> simpleNames(Executable e) {
        return Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName).toList();
    }
}
