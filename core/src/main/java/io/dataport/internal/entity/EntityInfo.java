package io.dataport.internal.entity;

import io.dataport.MappingException;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import io.dataport.mapping.Transient;
import io.dataport.mapping.Version;
import io.dataport.spi.ColumnType;
import io.dataport.internal.sql.EntitySql;
import io.dataport.spi.Dialect;
import io.dataport.spi.ValueCodec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The mapping of one entity class: table, stored properties in declaration order, id and version, and how to
 * build an instance. Computed once per class ({@link #of}) and immutable; the SQL for each dialect is built
 * once too ({@link #sql}).
 *
 * @param <T> the entity type
 */
public final class EntityInfo<T> {
    private static final ClassValue<Object> CACHE = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            try {
                return new EntityInfo<>(type);
            } catch (MappingException e) {
                return e;
            }
        }
    };
    private static final ClassValue<Boolean> ANNOTATED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return looksLikeEntity(type);
        }
    };
    private static final Map<Class<?>, ColumnType> TYPES = Map.ofEntries(
            Map.entry(long.class, ColumnType.LONG), Map.entry(Long.class, ColumnType.LONG),
            Map.entry(int.class, ColumnType.INT), Map.entry(Integer.class, ColumnType.INT),
            Map.entry(short.class, ColumnType.SHORT), Map.entry(Short.class, ColumnType.SHORT),
            Map.entry(boolean.class, ColumnType.BOOLEAN), Map.entry(Boolean.class, ColumnType.BOOLEAN),
            Map.entry(double.class, ColumnType.DOUBLE), Map.entry(Double.class, ColumnType.DOUBLE),
            Map.entry(String.class, ColumnType.STRING),
            Map.entry(BigDecimal.class, ColumnType.BIG_DECIMAL),
            Map.entry(byte[].class, ColumnType.BYTES),
            Map.entry(UUID.class, ColumnType.UUID),
            Map.entry(Instant.class, ColumnType.INSTANT),
            Map.entry(OffsetDateTime.class, ColumnType.OFFSET_DATE_TIME),
            Map.entry(LocalDateTime.class, ColumnType.LOCAL_DATE_TIME),
            Map.entry(LocalDate.class, ColumnType.LOCAL_DATE),
            Map.entry(LocalTime.class, ColumnType.LOCAL_TIME));
    private static final String SUPPORTED = "long, int, short, boolean, double (or their wrappers), String, "
            + "BigDecimal, byte[], UUID, an enum, Instant, OffsetDateTime, LocalDateTime, LocalDate, LocalTime";

    public final Class<T> type;
    public final String table;
    public final List<PropertyInfo> properties;
    public final PropertyInfo id;
    public final PropertyInfo version;
    public final boolean generatedId;
    private final boolean record;
    private final int componentCount;
    private final Object[] componentDefaults;
    private final MethodHandle[] componentGetters;
    /** Records: {@code (Object[]) -> Object}; classes: {@code () -> Object}. */
    private final MethodHandle constructor;
    private final Map<String, PropertyInfo> byName;
    private final Map<String, PropertyInfo> byColumn;
    private final Map<Dialect, EntitySql> sql = new ConcurrentHashMap<>(4);

    /**
     * The mapping of an entity class, computed on first use.
     *
     * @throws MappingException naming the class and the property when the class cannot be mapped
     */
    @SuppressWarnings("unchecked")
    public static <T> EntityInfo<T> of(Class<T> type) {
        Object info = CACHE.get(type);
        if (info instanceof MappingException) {
            MappingException cached = (MappingException) info;
            throw new MappingException(cached.getMessage(), cached);
        }
        return (EntityInfo<T>) info;
    }

    /** Whether a class is meant as an entity: annotated {@code @Table}, or with an {@code @Id} property. */
    public static boolean isEntity(Class<?> type) {
        return ANNOTATED.get(type);
    }

    private EntityInfo(Class<T> type) {
        this.type = type;
        if (type.isInterface() || type.isPrimitive() || type.isArray() || type.isEnum()
                || Modifier.isAbstract(type.getModifiers())) {
            throw new MappingException("Entity " + type.getName() + " cannot be mapped: it is not a concrete class. "
                    + "Use a record, or a class with a no-argument constructor.");
        }
        Table t = type.getAnnotation(Table.class);
        this.table = Names.checkIdentifier(t != null ? t.value() : Names.snakeCase(type.getSimpleName()), "table", type);
        this.record = type.isRecord();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        List<PropertyInfo> props = new ArrayList<>();
        try {
            if (record) {
                RecordComponent[] components = type.getRecordComponents();
                componentCount = components.length;
                componentDefaults = new Object[components.length];
                componentGetters = new MethodHandle[components.length];
                Class<?>[] parameterTypes = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    RecordComponent c = components[i];
                    parameterTypes[i] = c.getType();
                    componentDefaults[i] = defaultValue(c.getType());
                    componentGetters[i] = lookup.unreflect(accessible(c.getAccessor()))
                            .asType(MethodType.methodType(Object.class, Object.class));
                    if (!c.isAnnotationPresent(Transient.class)) {
                        props.add(property(c.getName(), c.getType(), c, i, componentGetters[i], null));
                    }
                }
                Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
                constructor = lookup.unreflectConstructor(accessible(canonical))
                        .asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } else {
                componentCount = 0;
                componentDefaults = null;
                componentGetters = null;
                Constructor<T> noArgs;
                try {
                    noArgs = type.getDeclaredConstructor();
                } catch (NoSuchMethodException e) {
                    throw new MappingException("Entity " + type.getName() + " has no no-argument constructor. "
                            + "Add one (it may be private), or make the entity a record.");
                }
                constructor = lookup.unreflectConstructor(accessible(noArgs))
                        .asType(MethodType.methodType(Object.class));
                List<Class<?>> hierarchy = new ArrayList<>();
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    hierarchy.add(0, c);
                }
                for (Class<?> c : hierarchy) {
                    for (Field f : c.getDeclaredFields()) {
                        int mod = f.getModifiers();
                        if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()
                                || f.isAnnotationPresent(Transient.class)) {
                            continue;
                        }
                        accessible(f);
                        MethodHandle getter = lookup.unreflectGetter(f)
                                .asType(MethodType.methodType(Object.class, Object.class));
                        MethodHandle setter = lookup.unreflectSetter(f)
                                .asType(MethodType.methodType(void.class, Object.class, Object.class));
                        props.add(property(f.getName(), f.getType(), f, -1, getter, setter));
                    }
                }
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MappingException("Entity " + type.getName() + " cannot be accessed: " + e.getMessage()
                    + ". Make it a top-level or static nested class, and open its package to io.dataport "
                    + "if it is in a named module.", e);
        }
        this.properties = Collections.unmodifiableList(props);
        List<PropertyInfo> ids = props.stream().filter(p -> p.id).collect(Collectors.toList());
        if (ids.isEmpty()) {
            throw new MappingException("Entity " + type.getName() + " has no @Id property. Annotate its primary key "
                    + "(a Long, Integer, UUID or String) with @Id.");
        }
        if (ids.size() > 1) {
            throw new MappingException("Entity " + type.getName() + " has more than one @Id property: "
                    + ids.stream().map(p -> p.name).collect(Collectors.joining(", "))
                    + ". Keep @Id on exactly one; composite keys are not supported.");
        }
        this.id = ids.get(0);
        if (id.javaType != Long.class && id.javaType != Integer.class && id.javaType != UUID.class
                && id.javaType != String.class) {
            throw new MappingException("Entity " + type.getName() + " property '" + id.name
                    + "' has an unsupported @Id type: " + id.javaType.getName()
                    + ". Use Long or Integer (generated when null), or UUID or String (assigned).");
        }
        this.generatedId = id.javaType == Long.class || id.javaType == Integer.class;
        List<PropertyInfo> versions = props.stream().filter(p -> p.version).collect(Collectors.toList());
        if (versions.size() > 1) {
            throw new MappingException("Entity " + type.getName() + " has more than one @Version property: "
                    + versions.stream().map(p -> p.name).collect(Collectors.joining(", "))
                    + ". Keep @Version on exactly one.");
        }
        this.version = versions.isEmpty() ? null : versions.get(0);
        if (version != null && (version.javaType != long.class && version.javaType != Long.class || version.id)) {
            throw new MappingException("Entity " + type.getName() + " property '" + version.name
                    + "' has an unsupported @Version type: " + version.javaType.getName() + ". Use long.");
        }
        Map<String, PropertyInfo> names = new LinkedHashMap<>();
        Map<String, PropertyInfo> columns = new HashMap<>();
        for (PropertyInfo p : props) {
            names.put(p.name, p);
            PropertyInfo clash = columns.put(p.column.toLowerCase(Locale.ROOT), p);
            if (clash != null) {
                throw new MappingException("Entity " + type.getName() + " maps properties '" + clash.name + "' and '"
                        + p.name + "' to the same column: " + p.column + ". Give one another @Column(name = ...).");
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byColumn = Collections.unmodifiableMap(columns);
    }

    private PropertyInfo property(String name, Class<?> javaType, AnnotatedElement element, int componentIndex,
                                  MethodHandle getter, MethodHandle setter) {
        Column column = element.getAnnotation(Column.class);
        String columnName = column != null && !column.name().isEmpty() ? column.name() : Names.snakeCase(name);
        Names.checkIdentifier(columnName, "column", type);
        ColumnType columnType = TYPES.get(javaType);
        Map<String, Object> enumConstants = null;
        if (columnType == null && javaType.isEnum()) {
            columnType = ColumnType.STRING;
            enumConstants = new HashMap<>();
            for (Object constant : javaType.getEnumConstants()) {
                enumConstants.put(((Enum<?>) constant).name(), constant);
            }
        }
        if (columnType == null) {
            throw new MappingException("Entity " + type.getName() + " property '" + name + "' has an unsupported "
                    + "type: " + javaType.getTypeName() + ". Use " + SUPPORTED + "; or mark it @Transient.");
        }
        int length = column != null ? column.length() : 0;
        if (length < 0 || length > 0 && columnType != ColumnType.STRING) {
            throw new MappingException("Entity " + type.getName() + " property '" + name + "' has a length it "
                    + "cannot use: " + length + ". Give a positive length to String and enum properties only.");
        }
        int precision = column != null ? column.precision() : 0;
        int scale = column != null ? column.scale() : 0;
        if (precision < 0 || scale < 0 || scale > precision) {
            throw new MappingException("Entity " + type.getName() + " property '" + name + "' declares an impossible "
                    + "decimal: precision " + precision + ", scale " + scale + ". Give a positive precision and a "
                    + "scale from 0 to the precision, e.g. @Column(precision = 12, scale = 2).");
        }
        if (precision > 0 && columnType != ColumnType.BIG_DECIMAL) {
            throw new MappingException("Entity " + type.getName() + " property '" + name + "' declares a precision "
                    + "but is a " + javaType.getTypeName() + ". Give precision and scale to BigDecimal properties only.");
        }
        return new PropertyInfo(name, columnName, javaType, columnType, column != null && column.unique(), length,
                precision, scale, element.isAnnotationPresent(Id.class), element.isAnnotationPresent(Version.class), componentIndex,
                getter, setter, enumConstants);
    }

    private static <A extends AccessibleObject> A accessible(A member) {
        try {
            member.setAccessible(true);
        } catch (RuntimeException e) {
            // InaccessibleObjectException: a named module that does not open the package; reported by unreflect.
        }
        return member;
    }

    private static boolean looksLikeEntity(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isInterface() || type.isEnum()
                || type.getName().startsWith("java.")) {
            return false;
        }
        if (type.isAnnotationPresent(Table.class)) {
            return true;
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.isAnnotationPresent(Id.class)) {
                    return true;
                }
            }
            return false;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Id.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return '\0';
    }

    /** The entity class. */
    public Class<T> type() {
        return type;
    }

    /** The table name, unquoted. */
    public String table() {
        return table;
    }

    /** The stored properties, in declaration order. */
    public List<PropertyInfo> properties() {
        return properties;
    }

    /** The property with this Java name, or null. */
    public PropertyInfo property(String name) {
        return byName.get(name);
    }

    /** The property stored in this column (case-insensitive), or null. */
    public PropertyInfo propertyForColumn(String column) {
        return byColumn.get(column.toLowerCase(Locale.ROOT));
    }

    /** The Java names of the stored properties, for messages. */
    public String propertyNames() {
        return String.join(", ", byName.keySet());
    }

    /** The SQL of this entity in a dialect, built on first use. */
    public EntitySql sql(Dialect dialect) {
        EntitySql s = sql.get(dialect);
        if (s == null) {
            s = sql.computeIfAbsent(dialect, d -> new EntitySql(this, d));
        }
        return s;
    }

    /**
     * Builds an entity from a row whose column {@code i} (1-based) holds property {@code i - 1}, or, with
     * {@code columns}, from the columns it gives per property (0: not in the result).
     */
    public T read(ResultSet rs, ValueCodec codec, int[] columns) throws SQLException {
        if (record) {
            Object[] args = componentDefaults.clone();
            for (int i = 0; i < properties.size(); i++) {
                PropertyInfo p = properties.get(i);
                int column = columns == null ? i + 1 : columns[i];
                if (column > 0) {
                    args[p.componentIndex] = p.fromDatabase(codec.read(rs, column, p.type), type);
                }
            }
            return construct(args);
        }
        T entity = newInstance();
        for (int i = 0; i < properties.size(); i++) {
            PropertyInfo p = properties.get(i);
            int column = columns == null ? i + 1 : columns[i];
            if (column > 0) {
                p.set(entity, p.fromDatabase(codec.read(rs, column, p.type), type));
            }
        }
        return entity;
    }

    /** Whether entities are records, rebuilt rather than changed in place. */
    public boolean isRecord() {
        return record;
    }

    /**
     * The entity with a new id and version: a copy for records, the same instance changed for classes.
     *
     * @param newVersion the new version, or null to keep it
     */
    public T withIdAndVersion(T entity, Object newId, Long newVersion) {
        if (record) {
            Object[] args = new Object[componentCount];
            for (int i = 0; i < componentCount; i++) {
                args[i] = component(entity, i);
            }
            args[id.componentIndex] = newId;
            if (version != null && newVersion != null) {
                args[version.componentIndex] = newVersion;
            }
            return construct(args);
        }
        id.set(entity, newId);
        if (version != null && newVersion != null) {
            version.set(entity, newVersion);
        }
        return entity;
    }

    /**
     * The entity with its values as they are stored ({@link PropertyInfo#stored}: temporal values truncated to
     * microseconds, {@code OffsetDateTime} at UTC, a negative-scale {@code BigDecimal} at scale 0), so that what a
     * write returns equals what a read gives: the same instance when nothing changes, else a copy for records and
     * the same instance changed for classes.
     */
    public T normalized(T entity) {
        Object[] args = null;
        for (PropertyInfo p : properties) {
            Object value = p.get(entity);
            Object stored = p.stored(value);
            if (stored == value || stored.equals(value)) {
                continue;
            }
            if (!record) {
                p.set(entity, stored);
                continue;
            }
            if (args == null) {
                args = new Object[componentCount];
                for (int i = 0; i < componentCount; i++) {
                    args[i] = component(entity, i);
                }
            }
            args[p.componentIndex] = stored;
        }
        return args == null ? entity : construct(args);
    }

    private Object component(T entity, int i) {
        try {
            return componentGetters[i].invokeExact((Object) entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("Entity " + type.getName() + " record accessor failed: " + t + ".", t);
        }
    }

    /** The version of an entity (0 when null). */
    public long versionOf(T entity) {
        Object v = version.get(entity);
        return v == null ? 0L : (Long) v;
    }

    @SuppressWarnings("unchecked")
    private T construct(Object[] args) {
        try {
            return (T) constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("Entity " + type.getName() + " constructor failed: " + t
                    + ". Check the record's compact constructor.", t);
        }
    }

    @SuppressWarnings("unchecked")
    private T newInstance() {
        try {
            return (T) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MappingException("Entity " + type.getName() + " constructor failed: " + t + ".", t);
        }
    }

    @Override
    public String toString() {
        return "EntityInfo[" + type.getName() + " -> " + table + "]";
    }
}
