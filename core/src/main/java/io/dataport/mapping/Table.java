package io.dataport.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table an entity maps to. Without it the table is the class name in snake_case ({@code OrderLine} →
 * {@code order_line}).
 *
 * <pre>{@code @Table("users") record User(@Id Long id, String name) {}}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
    /** {@return the table name: a plain identifier} */
    String value();
}
