package io.kustotyped.emulator.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The named mappings of one table or database, keyed by (kind, case-sensitive name). Guarded by the catalog lock. */
final class MappingSet {
    private final Map<String, IngestionMapping> byKey = new LinkedHashMap<>();

    private static String key(String kind, String name) {
        return MappingParser.canonicalKind(kind) + "\u0000" + name;
    }

    IngestionMapping get(String kind, String name) {
        return byKey.get(key(kind, name));
    }

    Collection<IngestionMapping> list(String kind) {
        List<IngestionMapping> result = new ArrayList<>();
        String canonical = kind == null ? null : MappingParser.canonicalKind(kind);
        for (IngestionMapping m : byKey.values()) {
            if (canonical == null || canonical.equals(m.kind())) {
                result.add(m);
            }
        }
        return result;
    }

    void put(IngestionMapping m) {
        byKey.put(key(m.kind(), m.name()), m);
    }

    /** @return a copy, for {@link #restore} */
    MappingSet copy() {
        MappingSet c = new MappingSet();
        c.byKey.putAll(byKey);
        return c;
    }

    /** Puts back the content (and the order) of an earlier {@link #copy}. */
    void restore(MappingSet from) {
        byKey.clear();
        byKey.putAll(from.byKey);
    }

    boolean remove(String kind, String name) {
        return byKey.remove(key(kind, name)) != null;
    }
}
