package io.kustotyped.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Which types generated code, living in the table class's package, can name. */
final class Accessibility {

    private final Elements elements;
    private final String packageName;

    /** Accessibility from {@code packageName}, the package generated code lives in. */
    Accessibility(Elements elements, String packageName) {
        this.elements = elements;
        this.packageName = packageName;
    }

    /**
     * The type that keeps generated code from naming {@code type}: {@code type} itself or a type enclosing it that is
     * private, or not public and in another package; {@code null} when generated code can name {@code type}.
     */
    Element inaccessible(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)
                    || (!e.getModifiers().contains(Modifier.PUBLIC)
                            && !elements.getPackageOf(e).getQualifiedName().contentEquals(packageName))) {
                return e;
            }
        }
        return null;
    }
}
