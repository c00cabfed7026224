package io.kustotyped.processor.model;

/**
 * Thrown while reading a table whose property types are not all resolved yet (an {@code ErrorType}, for example a
 * class another processor generates in a later round). The processor defers the table to the next round.
 */
public final class UnresolvedTypeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String propertyName;

    public UnresolvedTypeException(String propertyName, String typeName) {
        super(typeName);
        this.propertyName = propertyName;
    }

    /** The property whose type is unresolved. */
    public String propertyName() {
        return propertyName;
    }

    /** The unresolved type, as the compiler prints it. */
    public String typeName() {
        return getMessage();
    }
}
