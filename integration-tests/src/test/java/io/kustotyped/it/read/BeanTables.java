package io.kustotyped.it.read;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoIgnore;
import io.kustotyped.annotations.KustoTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table classes that are not records: read back through a no-argument constructor and setters or public fields. */
public final class BeanTables {

    private BeanTables() {}

    /** Inherited properties: a public field and a getter/setter pair. */
    public static class Base {
        public long sequence;
        private String source;

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }
    }

    /** A POJO with getters and setters (and an inherited field and property). */
    @KustoTable(name = "SetterRows", database = "Test")
    public static class SetterRow extends Base {
        private UUID id;
        private Instant at;
        private boolean active;
        private Optional<String> note = Optional.empty();
        private List<String> tags;
        private BigDecimal amount;

        @KustoIgnore
        public String secret = "not read";

        public UUID getId() {
            return id;
        }

        public void setId(UUID id) {
            this.id = id;
        }

        public Instant getAt() {
            return at;
        }

        public void setAt(Instant at) {
            this.at = at;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public Optional<String> getNote() {
            return note;
        }

        public void setNote(Optional<String> note) {
            this.note = note;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        @Column(name = "Amount", type = io.kustotyped.annotations.KustoType.DECIMAL)
        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }
    }

    /** A class with public fields only. */
    @KustoTable(name = "FieldRows", database = "Test")
    public static class FieldRow {
        public int id;
        public String name;
        public Duration took;
        public double[] samples;
    }

    /** A class without a no-argument constructor: ingested, but not read (no reader, no query). */
    @KustoTable(name = "Immutables", database = "Test")
    public static final class Immutable {
        private final String name;

        public Immutable(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }
}
