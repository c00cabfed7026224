package io.kustotyped.processor.validation;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * The one way the processor reports problems: an ERROR through {@link Messager}, on the offending element, and on the
 * annotation (and its value) when an annotation value is what is wrong. Counts the errors so that a table with any
 * error generates nothing.
 */
public final class Reporter {

    private final Messager messager;
    private int errors;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /** Reports {@code diagnostic} on {@code element}. */
    public void error(Element element, Diagnostic diagnostic, Object... args) {
        errors++;
        messager.printMessage(Kind.ERROR, diagnostic.format(args), element);
    }

    /**
     * Reports {@code diagnostic} on an annotation value of {@code element}; falls back to the annotation, then the
     * element, when {@code annotation} or {@code value} is {@code null}.
     */
    public void error(
            Element element,
            AnnotationMirror annotation,
            AnnotationValue value,
            Diagnostic diagnostic,
            Object... args) {
        errors++;
        String message = diagnostic.format(args);
        if (annotation == null) {
            messager.printMessage(Kind.ERROR, message, element);
        } else if (value == null) {
            messager.printMessage(Kind.ERROR, message, element, annotation);
        } else {
            messager.printMessage(Kind.ERROR, message, element, annotation, value);
        }
    }

    /** The number of errors reported so far; compare before and after a step to see whether it failed. */
    public int errorCount() {
        return errors;
    }
}
