package io.dataport.internal.entity;

import io.dataport.ConstraintViolationException;
import io.dataport.MappingException;
import io.dataport.spi.ColumnType;

import java.lang.invoke.MethodHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * One stored property of an entity: its column, its portable type and how to read and write it. Immutable;
 * built once per entity class by {@link EntityInfo}.
 */
public final class PropertyInfo {
    public final String name;
    public final String column;
    public final Class<?> javaType;
    public final ColumnType type;
    public final boolean primitive;
    public final boolean unique;
    public final int length;
    /** The declared precision of a decimal ({@code NUMERIC(precision, scale)}); 0 when undeclared. */
    public final int precision;
    /** The declared scale of a decimal with a precision. */
    public final int scale;
    public final boolean id;
    public final boolean version;
    /** For records: the index of the component in the canonical constructor; -1 for classes. */
    public final int componentIndex;
    /** {@code (Object) -> Object}. */
    public final MethodHandle getter;
    /** {@code (Object, Object) -> void}, for classes only. */
    public final MethodHandle setter;
    private final Map<String, Object> enumConstants;

    PropertyInfo(String name, String column, Class<?> javaType, ColumnType type, boolean unique, int length,
                 int precision, int scale, boolean id, boolean version, int componentIndex, MethodHandle getter, MethodHandle setter,
                 Map<String, Object> enumConstants) {
        this.name = name;
        this.column = column;
        this.javaType = javaType;
        this.type = type;
        this.primitive = javaType.isPrimitive();
        this.unique = unique;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.id = id;
        this.version = version;
        this.componentIndex = componentIndex;
        this.getter = getter;
        this.setter = setter;
        this.enumConstants = enumConstants;
    }

    /** Whether the property is an enum (stored by its constants' names). */
    public boolean isEnum() {
        return enumConstants != null;
    }

    /** The Java property name. */
    public String name() {
        return name;
    }

    /** The column name, unquoted. */
    public String column() {
        return column;
    }

    /** The portable type it is stored as. */
    public ColumnType type() {
        return type;
    }

    /** The property's value on an entity. */
    public Object get(Object entity) {
        try {
            return getter.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("Property '" + name + "' getter failed: " + t + ". Make it return the field.", t);
        }
    }

    /** Sets the property on a (non-record) entity. */
    public void set(Object entity, Object value) {
        try {
            setter.invokeExact(entity, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("Property '" + name + "' setter failed: " + t + ". Make it set the field.", t);
        }
    }

    /**
     * The value to bind: an enum by its name, anything else {@linkplain #stored as stored}.
     */
    public Object toDatabase(Object value) {
        if (value != null && enumConstants != null) {
            return ((Enum<?>) value).name();
        }
        return stored(value);
    }

    /**
     * The Java value as the database stores it, the one rule for it: temporal values truncated to microseconds,
     * {@code OffsetDateTime} at UTC, a negative-scale {@code BigDecimal} at scale 0, a declared decimal at its
     * scale (refused when it has too many digits), {@code NaN} refused. Writes return entities holding these
     * values, so a returned entity equals what a read gives.
     */
    public Object stored(Object value) {
        if (value == null || enumConstants != null) {
            return value;
        }
        if (type == ColumnType.DOUBLE && Double.isNaN((Double) value)) {
            throw new ConstraintViolationException("Property '" + name + "' holds NaN, which Dataport does not store "
                    + "(not every database can). Store null, or a number (infinities are stored).", null, null);
        }
        Object normalized = JdbiValues.normalize(type, value);
        return precision > 0 ? declaredDecimal((BigDecimal) normalized) : normalized;
    }


    /** The value at the declared scale, refused when it needs more fraction or integer digits than declared. */
    private BigDecimal declaredDecimal(BigDecimal value) {
        BigDecimal scaled = value.scale() > scale ? value.stripTrailingZeros() : value;
        if (scaled.scale() > scale || scaled.setScale(scale).precision() > precision) {
            throw new ConstraintViolationException("Property '" + name + "' holds " + value.toPlainString()
                    + ", which does not fit its declared precision " + precision + ", scale " + scale + " (at most "
                    + (precision - scale) + " integer and " + scale + " fraction digits); Dataport refuses it rather "
                    + "than round it. Round it in the application (setScale), or declare a larger precision or scale.",
                    null, null);
        }
        return scaled.setScale(scale);
    }

    /**
     * The Java value of what the dialect read: enums from their name, primitives never null, a declared decimal at
     * its scale (rounding only what a backend that stores binary floating point adds beyond the stored digits).
     */
    public Object fromDatabase(Object value, Class<?> entityType) {
        if (value == null) {
            return primitive ? EntityInfo.defaultValue(javaType) : null;
        }
        if (enumConstants != null) {
            Object constant = enumConstants.get(value);
            if (constant == null) {
                throw new io.dataport.MappingException("Entity " + entityType.getName() + " property '" + name
                        + "' read a value that names no constant of " + javaType.getName()
                        + ". Store enum names only, or add the missing constant.");
            }
            return constant;
        }
        if (precision > 0) {
            return ((BigDecimal) value).setScale(scale, RoundingMode.HALF_UP);
        }
        return value;
    }
}
