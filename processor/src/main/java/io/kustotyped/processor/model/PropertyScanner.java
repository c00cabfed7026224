package io.kustotyped.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Finds the properties of a record or class: record components; or public getters and public non-static,
 * non-transient fields, inherited ones first, the getter winning over a field of the same name. Records the members
 * it passes over that may have been meant as properties (see {@link SkippedMember}); reports nothing.
 */
final class PropertyScanner {

    static final String COLUMN = "io.kustotyped.annotations.Column";
    static final String IGNORE = "io.kustotyped.annotations.KustoIgnore";

    /**
     * One readable property.
     *
     * @param name the Java property name
     * @param element the element generated code reads (record component, getter or field)
     * @param accessor how to read it
     * @param type its type, as a member of the scanned type (type variables substituted)
     * @param column the {@code @Column} annotation that applies to it, or {@code null}
     * @param columnSite the element carrying {@code column}
     */
    record RawProperty(
            String name,
            Element element,
            Accessor accessor,
            TypeMirror type,
            AnnotationMirror column,
            Element columnSite) {}

    private final Types types;

    PropertyScanner(Types types) {
        this.types = types;
    }

    /** The properties of {@code type}; the members passed over that may have been meant as ones go to {@code skipped}. */
    List<RawProperty> scan(TypeElement type, DeclaredType declared, List<SkippedMember> skipped) {
        return type.getKind() == ElementKind.RECORD ? scanRecord(type, declared) : scanClass(type, declared, skipped);
    }

    private List<RawProperty> scanRecord(TypeElement type, DeclaredType declared) {
        Map<String, Element> fields = new LinkedHashMap<>();
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && !member.getModifiers().contains(Modifier.STATIC)) {
                fields.put(member.getSimpleName().toString(), member);
            }
        }
        List<RawProperty> result = new ArrayList<>();
        for (RecordComponentElement component : type.getRecordComponents()) {
            ExecutableElement accessor = component.getAccessor();
            // javac (17) gives record components no source position in diagnostics; the component's private field
            // has the component's position and carries its @Column (FIELD is among @Column's targets).
            Element site = fields.getOrDefault(component.getSimpleName().toString(), component);
            if (annotation(component, IGNORE) != null || annotation(accessor, IGNORE) != null) {
                continue;
            }
            AnnotationMirror column = annotation(site, COLUMN);
            if (column == null) {
                column = annotation(component, COLUMN);
            }
            if (column == null && annotation(accessor, COLUMN) != null) {
                column = annotation(accessor, COLUMN);
                site = accessor;
            }
            TypeMirror propertyType = ((ExecutableType) types.asMemberOf(declared, accessor)).getReturnType();
            result.add(new RawProperty(
                    component.getSimpleName().toString(),
                    site,
                    new Accessor(accessor.getSimpleName().toString(), true),
                    propertyType,
                    column,
                    site));
        }
        return result;
    }

    /** What is known about one property name while walking a class hierarchy. */
    private static final class Candidate {
        Element field;
        ExecutableElement getter;
        Element hiddenField;
        AnnotationMirror fieldColumn;
        AnnotationMirror getterColumn;
        boolean ignored;
    }

    private List<RawProperty> scanClass(TypeElement type, DeclaredType declared, List<SkippedMember> skipped) {
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement t = type; t != null; t = superclass(t)) {
            hierarchy.add(0, t);
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (TypeElement t : hierarchy) {
            for (Element member : t.getEnclosedElements()) {
                if (member.getKind() == ElementKind.FIELD) {
                    field(type, member, candidates, skipped);
                } else if (member.getKind() == ElementKind.METHOD) {
                    method(type, (ExecutableElement) member, candidates, skipped);
                }
            }
        }
        List<RawProperty> result = new ArrayList<>();
        candidates.forEach((name, c) -> {
            if (c.ignored) {
                return;
            }
            if (c.getter == null && c.field == null) {
                if (c.hiddenField != null) {
                    skipped.add(new SkippedMember(
                            c.hiddenField, type, annotation(c.hiddenField, COLUMN), SkippedMember.Why.NOT_PUBLIC));
                }
                return;
            }
            AnnotationMirror column = c.getterColumn != null ? c.getterColumn : c.fieldColumn;
            Element columnSite = c.getterColumn != null
                    ? c.getter
                    : c.field != null ? c.field : c.fieldColumn != null ? c.hiddenField : null;
            if (c.getter != null) {
                TypeMirror t = ((ExecutableType) types.asMemberOf(declared, c.getter)).getReturnType();
                result.add(new RawProperty(
                        name,
                        c.getter,
                        new Accessor(c.getter.getSimpleName().toString(), true),
                        t,
                        column,
                        columnSite));
            } else {
                TypeMirror t = types.asMemberOf(declared, c.field);
                result.add(new RawProperty(
                        name, c.field, new Accessor(c.field.getSimpleName().toString(), false), t, column, columnSite));
            }
        });
        return result;
    }

    private static void field(
            TypeElement owner, Element field, Map<String, Candidate> candidates, List<SkippedMember> skipped) {
        Set<Modifier> modifiers = field.getModifiers();
        AnnotationMirror column = annotation(field, COLUMN);
        boolean ignored = annotation(field, IGNORE) != null;
        String name = field.getSimpleName().toString();
        if (modifiers.contains(Modifier.STATIC)) {
            if (column != null) {
                skipped.add(new SkippedMember(field, owner, column, SkippedMember.Why.STATIC));
            }
            return;
        }
        if (modifiers.contains(Modifier.TRANSIENT)) {
            if (column != null) {
                skipped.add(new SkippedMember(field, owner, column, SkippedMember.Why.TRANSIENT));
            }
            return;
        }
        Candidate c = candidates.computeIfAbsent(name, k -> new Candidate());
        c.ignored |= ignored;
        if (column != null) {
            c.fieldColumn = column;
        }
        if (modifiers.contains(Modifier.PUBLIC)) {
            c.field = field;
        } else {
            c.hiddenField = field;
        }
    }

    private static void method(
            TypeElement owner,
            ExecutableElement method,
            Map<String, Candidate> candidates,
            List<SkippedMember> skipped) {
        AnnotationMirror column = annotation(method, COLUMN);
        boolean ignored = annotation(method, IGNORE) != null;
        String property = getterProperty(method);
        if (property == null) {
            if (column != null) {
                skipped.add(new SkippedMember(method, owner, column, SkippedMember.Why.NOT_A_GETTER));
            }
            return;
        }
        Candidate c = candidates.computeIfAbsent(property, k -> new Candidate());
        c.ignored |= ignored;
        c.getter = method;
        if (column != null) {
            c.getterColumn = column;
        }
    }

    /** The property name of a public getter ({@code getFoo()} or boolean {@code isFoo()}), or {@code null}. */
    private static String getterProperty(ExecutableElement method) {
        Set<Modifier> modifiers = method.getModifiers();
        if (!modifiers.contains(Modifier.PUBLIC)
                || modifiers.contains(Modifier.STATIC)
                || !method.getParameters().isEmpty()
                || !method.getTypeParameters().isEmpty()
                || method.getReturnType().getKind() == TypeKind.VOID) {
            return null;
        }
        String name = method.getSimpleName().toString();
        if (name.length() > 3 && name.startsWith("get")) {
            return decapitalize(name.substring(3));
        }
        if (name.length() > 2 && name.startsWith("is") && Accessor.isBoolean(method.getReturnType())) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    private TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) types.asElement(superclass);
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    /** The annotation of type {@code qualifiedName} on {@code element}, or {@code null}. */
    static AnnotationMirror annotation(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotationType =
                    (TypeElement) mirror.getAnnotationType().asElement();
            if (annotationType.getQualifiedName().contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    /** JavaBeans decapitalization: {@code Name} to {@code name}, but {@code URL} stays {@code URL}. */
    static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
