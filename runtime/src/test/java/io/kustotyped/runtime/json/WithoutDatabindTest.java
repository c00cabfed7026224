package io.kustotyped.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * jackson-databind is an optional dependency: {@link JsonOutput}, {@code dynamic(...)} included, must work when it
 * is absent. Loads the runtime's classes in a class loader that sees only them and the JDK. (Not the platform class
 * loader alone: on the module path it delegates to the application loader for every module of the boot layer, so
 * databind would still be found.)
 */
class WithoutDatabindTest {

    @Test
    void dynamicWorksWithoutDatabindOnTheClassPath() throws Exception {
        URL classes = JsonOutput.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, new JdkOnly())) {
            assertThrows(
                    ClassNotFoundException.class,
                    () -> Class.forName("com.fasterxml.jackson.databind.JsonNode", false, isolated));
            Class<?> type = Class.forName(JsonOutput.class.getName(), true, isolated);
            Object out = type.getConstructor().newInstance();
            Method dynamic = type.getMethod("dynamic", Object.class);
            dynamic.invoke(out, Map.of("a", List.of(1, 2.5, "x")));
            assertEquals("{\"a\":[1,2.5,\"x\"]}", out.toString());

            InvocationTargetException e =
                    assertThrows(InvocationTargetException.class, () -> dynamic.invoke(out, new Object()));
            assertEquals(IllegalArgumentException.class, e.getCause().getClass());
        }
    }

    /** Loads {@code java.*}, {@code javax.*}, {@code jdk.*} and {@code sun.*} classes only. */
    private static final class JdkOnly extends ClassLoader {
        JdkOnly() {
            super(null);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("java.")
                    || name.startsWith("javax.")
                    || name.startsWith("jdk.")
                    || name.startsWith("sun.")) {
                return ClassLoader.getPlatformClassLoader().loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }
    }
}
