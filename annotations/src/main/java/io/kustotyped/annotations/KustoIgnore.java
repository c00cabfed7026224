package io.kustotyped.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a property out of the table: it gets no column, and the generated writer never reads it.
 *
 * <p>Put it on a record component, a public field or a public getter. {@code transient} fields are left out
 * without it. On a class whose property has both a field and a getter, either one may carry it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface KustoIgnore {}
