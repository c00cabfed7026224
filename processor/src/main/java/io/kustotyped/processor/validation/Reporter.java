package io.kustotyped.processor.validation;

import io.kustotyped.processor.model.Origin;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * The one way the processor reports problems: an ERROR (or a WARNING, or a NOTE) through {@link Messager}, on the offending
 * element, and on the annotation (and its value) when an annotation value is what is wrong. Counts the errors so that
 * a table with any error generates nothing.
 */
public final class Reporter {

    private final Messager messager;
    private int errors;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /** Reports {@code diagnostic} as an error on {@code element}. */
    public void error(Element element, Diagnostic diagnostic, Object... args) {
        error(Origin.of(element), diagnostic, args);
    }

    /**
     * Reports {@code diagnostic} as an error on the annotation value of {@code origin}; falls back to the annotation,
     * then the element, when the origin has no value or no annotation.
     */
    public void error(Origin origin, Diagnostic diagnostic, Object... args) {
        errors++;
        print(Kind.ERROR, origin, diagnostic.format(args));
    }

    /** Reports {@code diagnostic} as a warning, placed as {@link #error(Origin, Diagnostic, Object...)} places it. */
    public void warning(Origin origin, Diagnostic diagnostic, Object... args) {
        print(Kind.WARNING, origin, diagnostic.format(args));
    }

    /**
     * Reports {@code diagnostic} as a note on {@code element}: something the user may want to know that is not a
     * problem.
     */
    public void note(Element element, Diagnostic diagnostic, Object... args) {
        print(Kind.NOTE, Origin.of(element), diagnostic.format(args));
    }

    private void print(Kind kind, Origin origin, String message) {
        if (origin.annotation() == null) {
            messager.printMessage(kind, message, origin.element());
        } else if (origin.value() == null) {
            messager.printMessage(kind, message, origin.element(), origin.annotation());
        } else {
            messager.printMessage(kind, message, origin.element(), origin.annotation(), origin.value());
        }
    }

    /** The number of errors reported so far; compare before and after a step to see whether it failed. */
    public int errorCount() {
        return errors;
    }
}
