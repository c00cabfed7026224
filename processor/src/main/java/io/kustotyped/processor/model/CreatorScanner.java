package io.kustotyped.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds how a generated reader can create a record or class with the given properties (see {@link Creator}): a
 * record through its canonical constructor; a class through a public no-argument constructor and, per property, a
 * public setter {@code setX(T)} taking the property's type or a public non-final field. Reports nothing.
 */
final class CreatorScanner {

    private final Elements elements;
    private final Types types;

    CreatorScanner(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * How to create {@code type}.
     *
     * @param properties the property names with their types (as members of {@code declared})
     */
    Creator scan(TypeElement type, DeclaredType declared, Map<String, TypeMirror> properties) {
        String name = type.getQualifiedName().toString();
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            return new Creator.None(name + " is abstract");
        }
        if (type.getNestingKind() == NestingKind.MEMBER
                && !type.getModifiers().contains(Modifier.STATIC)
                && type.getKind() == ElementKind.CLASS) {
            return new Creator.None(name + " is an inner (non-static) class");
        }
        if (type.getKind() == ElementKind.RECORD) {
            List<Creator.Argument> arguments = new ArrayList<>();
            for (RecordComponentElement component : type.getRecordComponents()) {
                String componentName = component.getSimpleName().toString();
                TypeMirror t = ((ExecutableType) types.asMemberOf(declared, component.getAccessor())).getReturnType();
                arguments.add(new Creator.Argument(
                        properties.containsKey(componentName) ? componentName : null, JavaTypeNames.of(t)));
            }
            return new Creator.Canonical(arguments);
        }
        boolean noArg = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
        if (!noArg) {
            return new Creator.None(name + " has no public no-argument constructor");
        }
        Map<String, ExecutableElement> setters = new HashMap<>();
        Map<String, VariableElement> fields = new HashMap<>();
        for (Element member : elements.getAllMembers(type)) {
            if (!member.getModifiers().contains(Modifier.PUBLIC)
                    || member.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            if (member instanceof ExecutableElement m
                    && m.getKind() == ElementKind.METHOD
                    && m.getParameters().size() == 1
                    && m.getSimpleName().toString().startsWith("set")) {
                setters.putIfAbsent(m.getSimpleName().toString(), m);
            } else if (member instanceof VariableElement f
                    && f.getKind() == ElementKind.FIELD
                    && !f.getModifiers().contains(Modifier.FINAL)) {
                fields.put(f.getSimpleName().toString(), f);
            }
        }
        List<Creator.Writer> writers = new ArrayList<>();
        for (Map.Entry<String, TypeMirror> property : properties.entrySet()) {
            String p = property.getKey();
            String setterName = "set" + Character.toUpperCase(p.charAt(0)) + p.substring(1);
            ExecutableElement setter = setters.get(setterName);
            if (setter != null) {
                TypeMirror parameter = ((ExecutableType) types.asMemberOf(declared, setter))
                        .getParameterTypes()
                        .get(0);
                if (types.isAssignable(property.getValue(), parameter)) {
                    writers.add(new Creator.Writer(p, setterName, true));
                    continue;
                }
            }
            VariableElement field = fields.get(p);
            if (field != null && types.isSameType(types.asMemberOf(declared, field), property.getValue())) {
                writers.add(new Creator.Writer(p, p, false));
                continue;
            }
            return new Creator.None("property '" + p + "' of " + name + " has no public setter " + setterName + "("
                    + JavaTypeNames.of(property.getValue()) + ") and no public non-final field '" + p + "'");
        }
        return new Creator.Bean(writers);
    }
}
