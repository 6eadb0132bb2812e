package io.dataport.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column details of an entity property. Without it the column is the property name in snake_case.
 *
 * <pre>{@code @Column(unique = true, length = 200) String email
 * @Column(precision = 12, scale = 2) BigDecimal price}</pre>
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

    /**
     * The total number of digits of a {@code BigDecimal} column, declared as {@code NUMERIC(precision, scale)} on
     * every backend, so that the application's own SQL compares, orders, sums and checks uniqueness by value. A
     * value is stored and read at {@link #scale()}; one with more fraction digits than the scale or more integer
     * digits than {@code precision - scale} is refused, not rounded. SQLite stores at most 15 digits exactly. 0
     * (the default) leaves the decimal undeclared: any value is stored exactly with its own scale.
     *
     * @return the precision, or 0 for an undeclared decimal
     */
    int precision() default 0;

    /**
     * The number of fraction digits of a {@code BigDecimal} column with a {@link #precision()}, from 0 to the
     * precision: {@code 0.1} is stored and read back as {@code 0.10} at scale 2.
     *
     * @return the scale
     */
    int scale() default 0;
}
