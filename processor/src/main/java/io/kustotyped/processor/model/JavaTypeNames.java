package io.kustotyped.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** How generated code spells a Java type. */
final class JavaTypeNames {

    private JavaTypeNames() {}

    /**
     * The name generated code uses for {@code type}: raw types get wildcards ({@code List} becomes {@code List<?>}),
     * so that generated code compiles without rawtypes warnings; type annotations are dropped.
     */
    static TypeName of(TypeMirror type) {
        switch (type.getKind()) {
            case ARRAY:
                return ArrayTypeName.of(of(((ArrayType) type).getComponentType()));
            case WILDCARD: {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return WildcardTypeName.subtypeOf(of(wildcard.getExtendsBound()));
                }
                if (wildcard.getSuperBound() != null) {
                    return WildcardTypeName.supertypeOf(of(wildcard.getSuperBound()));
                }
                return WildcardTypeName.subtypeOf(Object.class);
            }
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                ClassName raw = ClassName.get(element);
                int parameters = element.getTypeParameters().size();
                if (parameters == 0) {
                    return raw;
                }
                TypeName[] arguments = new TypeName[parameters];
                for (int i = 0; i < parameters; i++) {
                    arguments[i] = declared.getTypeArguments().isEmpty()
                            ? WildcardTypeName.subtypeOf(Object.class)
                            : of(declared.getTypeArguments().get(i));
                }
                return ParameterizedTypeName.get(raw, arguments);
            }
            default:
                return TypeName.get(type).withoutAnnotations();
        }
    }
}
