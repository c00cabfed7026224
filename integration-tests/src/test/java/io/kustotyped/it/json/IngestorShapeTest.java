package io.kustotyped.it.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.TableIngestor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The generated ingestors have the factories the contract promises: with a database always, without one only when
 * {@code @KustoTable(database)} is set, so that a missing database is a compile error rather than a runtime surprise.
 */
class IngestorShapeTest {

    @Test
    void factoriesTakingADatabaseAlwaysExist() throws Exception {
        for (Class<?> ingestor : new Class<?>[] {ScalarRowIngestor.class, BeanRows_EventIngestor.class}) {
            assertTrue(TableIngestor.class.isAssignableFrom(ingestor));
            assertTrue(Modifier.isFinal(ingestor.getModifiers()));
            assertFactory(ingestor, KustoClient.class, String.class);
            assertFactory(ingestor, KustoClient.class, String.class, IngestOptions.class);
            for (Constructor<?> constructor : ingestor.getDeclaredConstructors()) {
                assertTrue(Modifier.isPrivate(constructor.getModifiers()), constructor.toString());
            }
        }
    }

    @Test
    void factoriesWithoutADatabaseExistOnlyWhenTheTableNamesOne() throws Exception {
        assertFactory(BeanRows_EventIngestor.class, KustoClient.class);
        assertFactory(BeanRows_EventIngestor.class, KustoClient.class, IngestOptions.class);
        assertThrows(NoSuchMethodException.class, () -> ScalarRowIngestor.class.getMethod("create", KustoClient.class));
        assertThrows(
                NoSuchMethodException.class,
                () -> ScalarRowIngestor.class.getMethod("create", KustoClient.class, IngestOptions.class));
    }

    @Test
    void generatedClassesAreNamedAfterTheirTableClass() {
        assertEquals(
                "BeanRows_EventJsonWriter",
                BeanRows_EventJsonWriter.INSTANCE.getClass().getSimpleName());
        assertEquals("BeanRows_EventJsonWriter[table Bean Event]", BeanRows_EventJsonWriter.INSTANCE.toString());
        assertEquals("ScalarRowKustoSchema[table ScalarRow]", ScalarRowKustoSchema.INSTANCE.toString());
    }

    private static void assertFactory(Class<?> ingestor, Class<?>... parameters) throws NoSuchMethodException {
        Method create = ingestor.getMethod("create", parameters);
        assertTrue(Modifier.isStatic(create.getModifiers()));
        assertEquals(ingestor, create.getReturnType());
    }
}
