package io.dataport.internal.entity;

import io.dataport.ConstraintViolationException;
import io.dataport.MappingException;
import io.dataport.spi.ColumnType;

import java.lang.invoke.MethodHandle;
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
                 boolean id, boolean version, int componentIndex, MethodHandle getter, MethodHandle setter,
                 Map<String, Object> enumConstants) {
        this.name = name;
        this.column = column;
        this.javaType = javaType;
        this.type = type;
        this.primitive = javaType.isPrimitive();
        this.unique = unique;
        this.length = length;
        this.id = id;
        this.version = version;
        this.componentIndex = componentIndex;
        this.getter = getter;
        this.setter = setter;
        this.enumConstants = enumConstants;
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
     * The value to bind: enums by name, temporal values truncated to microseconds, {@code OffsetDateTime}
     * normalised to UTC, a negative-scale {@code BigDecimal} at scale 0. A {@code NaN} double is refused: not every
     * backend can store it (one turns it into NULL, or refuses it as NULL in a NOT NULL column).
     */
    public Object toDatabase(Object value) {
        if (value == null) {
            return null;
        }
        if (enumConstants != null) {
            return ((Enum<?>) value).name();
        }
        if (type == ColumnType.DOUBLE && Double.isNaN((Double) value)) {
            throw new ConstraintViolationException("Property '" + name + "' holds NaN, which Dataport does not store "
                    + "(not every database can). Store null, or a number (infinities are stored).", null, null);
        }
        return JdbiValues.normalize(type, value);
    }

    /** The Java value of what the dialect read: enums from their name, primitives never null. */
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
        return value;
    }
}
