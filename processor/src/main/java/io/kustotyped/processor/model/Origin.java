package io.kustotyped.processor.model;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Where a part of the model came from, so that a diagnostic about it points at the right place: the element, the
 * annotation on it (when one applies) and the annotation value (when one was given explicitly).
 *
 * @param element the element, never {@code null}
 * @param annotation the annotation on {@code element} that the part came from, or {@code null}
 * @param value the explicitly given value of {@code annotation}, or {@code null} (none applies, or the default is used)
 */
public record Origin(Element element, AnnotationMirror annotation, AnnotationValue value) {

    /** The element alone. */
    public static Origin of(Element element) {
        return new Origin(element, null, null);
    }

    /** {@code annotation} on {@code element} (either may be absent: then the element alone). */
    public static Origin of(Element element, AnnotationMirror annotation) {
        return new Origin(element, annotation, null);
    }

    /** This origin narrowed to the explicitly given value of {@code attribute}, if there is one. */
    public Origin at(String attribute) {
        return new Origin(element, annotation, value(annotation, attribute));
    }

    /** The explicitly given value of {@code attribute} of {@code annotation}, or {@code null}. */
    static AnnotationValue value(AnnotationMirror annotation, String attribute) {
        if (annotation == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
