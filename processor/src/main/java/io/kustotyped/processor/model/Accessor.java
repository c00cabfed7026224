package io.kustotyped.processor.model;

import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

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

    /** The getter JavaBeans expects for {@code property} of {@code type}: {@code isX} for booleans, else {@code getX}. */
    public static String getterName(String property, TypeMirror type) {
        return (isBoolean(type) ? "is" : "get") + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    }

    /** Whether {@code type} is {@code boolean} or {@code Boolean}, the types an {@code isX()} getter returns. */
    static boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || type.toString().equals("java.lang.Boolean");
    }
}
