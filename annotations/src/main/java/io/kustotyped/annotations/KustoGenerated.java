package io.kustotyped.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the kusto-typed annotation processor generated. Coverage tools that skip classes annotated
 * with an annotation named {@code *Generated} (JaCoCo, for one) skip these too.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface KustoGenerated {

    /**
     * The processor that generated the class.
     *
     * @return its fully qualified class name
     */
    String value();
}
