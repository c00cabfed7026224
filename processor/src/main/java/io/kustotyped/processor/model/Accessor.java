package io.kustotyped.processor.model;

/**
 * How generated code reads a property: a field ({@code row.name}) or a no-argument method ({@code row.name()}).
 *
 * @param name the field or method name
 * @param method whether it is a method
 */
public record Accessor(String name, boolean method) {

    /** The expression that reads the property from {@code target}. */
    public String readFrom(String target) {
        return target + "." + name + (method ? "()" : "");
    }
}
