package io.kustotyped.it.json;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoIgnore;
import io.kustotyped.annotations.KustoTable;

/** Tables that are classes rather than records, nested in this holder (generated: {@code BeanRows_EventJsonWriter}). */
public final class BeanRows {

    private BeanRows() {}

    /** Properties a subclass inherits. */
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

    /** A class with getters ({@code isX} for booleans), public fields, inherited properties and left-out members. */
    @KustoTable(name = "Bean Event", database = "it-db")
    public static class Event extends Base {
        public String message;
        public transient String cache;

        @KustoIgnore
        public String secret;

        @Column(name = "Severity")
        private int level;

        private boolean active;

        public int getLevel() {
            return level;
        }

        public void setLevel(int level) {
            this.level = level;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }
}
