package io.dataport.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column details of an entity property. Without it the column is the property name in snake_case.
 *
 * <pre>{@code @Column(unique = true, length = 200) String email}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
public @interface Column {
    /** {@return the column name; empty means the property name in snake_case} */
    String name() default "";

    /** {@return whether the schema gives the column a unique constraint} */
    boolean unique() default false;

    /** {@return the maximum length of a text column ({@code VARCHAR(n)}); 0 means unbounded text} */
    int length() default 0;
}
