package io.kustotyped.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * How a generated reader creates an instance of a table class or of a type nested in a dynamic column, without
 * reflection: through a record's canonical constructor, or a public no-argument constructor followed by setters or
 * public fields. {@link None} says why it cannot.
 */
public sealed interface Creator {

    /**
     * A record's canonical constructor.
     *
     * @param arguments one per record component, in order
     */
    record Canonical(List<Argument> arguments) implements Creator {
        public Canonical {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * One argument of a canonical constructor.
     *
     * @param property the property the component holds, or {@code null} for a component that is not a property
     *     ({@code @KustoIgnore}), which gets its type's default value
     * @param type the component's type
     */
    record Argument(String property, TypeName type) {}

    /**
     * A public no-argument constructor, then one setter call or field assignment per property.
     *
     * @param writers one per property
     */
    record Bean(List<Writer> writers) implements Creator {
        public Bean {
            writers = List.copyOf(writers);
        }

        /** The writer of {@code property}. */
        public Writer writer(String property) {
            for (Writer w : writers) {
                if (w.property().equals(property)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("no writer for " + property);
        }
    }

    /**
     * How a reader sets one property of a {@link Bean}.
     *
     * @param property the property
     * @param member the setter's or field's name
     * @param setter whether it is a setter (else a public field)
     */
    record Writer(String property, String member, boolean setter) {}

    /**
     * The type cannot be created.
     *
     * @param reason why, as a sentence fragment naming the type and what is missing
     */
    record None(String reason) implements Creator {}
}
