package io.dataport.internal.sql;

import io.dataport.Condition;
import io.dataport.InvalidQueryException;
import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.entity.PropertyInfo;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Condition} on one entity in one dialect: its shape (the operators, properties and list sizes, which
 * decide the SQL) and its parameters, read from the condition on every call; its {@code WHERE} SQL, built only for
 * a shape not seen before ({@link EntitySql#where}). Property names and value types are checked here, before any
 * SQL runs.
 */
public final class ConditionSql {
    /**
     * One parameter: the property's portable type and the value as the property stores it.
     *
     * @param type  how it binds
     * @param value the value
     */
    public record Parameter(ColumnType type, Object value) {
    }

    private final EntityInfo<?> info;
    private final Dialect dialect;
    private final StringBuilder shape = new StringBuilder();
    private final List<Parameter> parameters = new ArrayList<>();

    private ConditionSql(EntityInfo<?> info, Dialect dialect) {
        this.info = info;
        this.dialect = dialect;
    }

    /**
     * Reads a condition: checks it against the entity and collects its shape and parameters.
     *
     * @param info      the entity
     * @param dialect   the dialect
     * @param condition the condition
     * @return the read condition
     * @throws InvalidQueryException for an unknown property, a value of the wrong type, or a text match on a
     *                               property that is not a {@code String}
     */
    public static ConditionSql read(EntityInfo<?> info, Dialect dialect, Condition condition) {
        ConditionSql read = new ConditionSql(info, dialect);
        read.collect(java.util.Objects.requireNonNull(condition, "condition"));
        return read;
    }

    /**
     * What decides the SQL: equal shapes give equal SQL.
     *
     * @return the shape
     */
    public String shape() {
        return shape.toString();
    }

    /**
     * The parameters, in the SQL's order.
     *
     * @return the parameters
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    private void collect(Condition c) {
        if (c instanceof Condition.Comparison cmp) {
            PropertyInfo p = property(cmp.property());
            shape.append(cmp.operator()).append('(').append(p.name).append(')');
            parameters.add(parameter(p, cmp.value(), cmp.operator()));
        } else if (c instanceof Condition.Between between) {
            PropertyInfo p = property(between.property());
            shape.append("BETWEEN(").append(p.name).append(')');
            parameters.add(parameter(p, between.low(), "between"));
            parameters.add(parameter(p, between.high(), "between"));
        } else if (c instanceof Condition.In in) {
            PropertyInfo p = property(in.property());
            shape.append("IN(").append(p.name).append(',').append(in.values().size()).append(')');
            for (Object v : in.values()) {
                parameters.add(parameter(p, v, "in"));
            }
        } else if (c instanceof Condition.Null isNull) {
            PropertyInfo p = property(isNull.property());
            shape.append(isNull.isNull() ? "NULL(" : "NOTNULL(").append(p.name).append(')');
        } else if (c instanceof Condition.Text text) {
            PropertyInfo p = property(text.property());
            if (p.type != ColumnType.STRING || p.isEnum()) {
                throw new InvalidQueryException("where(\"" + p.name + "\") " + operation(text) + ": property '"
                        + p.name + "' of " + info.type().getSimpleName() + " is not a String. Text matching works "
                        + "on String properties; compare other values with eq, lt, between or in.");
            }
            shape.append(text.match()).append(text.ignoreCase() ? "_I(" : "(").append(p.name).append(')');
            parameters.add(new Parameter(ColumnType.STRING, dialect.textPattern(text.match(), text.value(),
                    text.ignoreCase())));
        } else if (c instanceof Condition.All all) {
            group("AND", all.conditions());
        } else if (c instanceof Condition.Any any) {
            group("OR", any.conditions());
        } else {
            shape.append("NOT(");
            collect(((Condition.Not) c).condition());
            shape.append(')');
        }
    }

    private void group(String operator, List<Condition> conditions) {
        shape.append(operator).append('(');
        for (Condition c : conditions) {
            collect(c);
            shape.append(',');
        }
        shape.append(')');
    }

    private static String operation(Condition.Text text) {
        String name = switch (text.match()) {
            case STARTS_WITH -> "startsWith";
            case ENDS_WITH -> "endsWith";
            case CONTAINS -> "contains";
        };
        return name + (text.ignoreCase() ? "IgnoreCase" : "");
    }

    private PropertyInfo property(String name) {
        PropertyInfo p = info.property(name);
        if (p == null) {
            throw new InvalidQueryException("Condition property unknown for entity " + info.type().getSimpleName()
                    + ": '" + name + "'. Use one of: " + info.propertyNames() + ".");
        }
        return p;
    }

    /** The value converted to the property's type (numbers when exact) and as the property stores it. */
    private Parameter parameter(PropertyInfo p, Object value, Object operation) {
        Object converted = convert(p, value);
        if (converted == null) {
            throw new InvalidQueryException("where(\"" + p.name + "\")."
                    + operation.toString().toLowerCase(java.util.Locale.ROOT) + "(" + value + "): property '"
                    + p.name + "' of " + info.type().getSimpleName() + " is a " + p.javaType.getSimpleName()
                    + ", and a " + value.getClass().getSimpleName() + " is not one"
                    + (value instanceof Number ? " it can hold exactly" : "") + ". Pass a "
                    + p.javaType.getSimpleName() + ".");
        }
        return new Parameter(p.type, p.toDatabase(converted));
    }

    private static Object convert(PropertyInfo p, Object value) {
        Class<?> type = boxed(p.javaType);
        if (type.isInstance(value)) {
            return value;
        }
        if (!(value instanceof Number number) || !Number.class.isAssignableFrom(type)) {
            return null;
        }
        try {
            BigDecimal exact = number instanceof BigDecimal d ? d
                    : number instanceof BigInteger i ? new BigDecimal(i)
                    : number instanceof Double || number instanceof Float ? new BigDecimal(number.toString())
                    : BigDecimal.valueOf(number.longValue());
            if (type == Long.class) {
                return exact.longValueExact();
            }
            if (type == Integer.class) {
                return exact.intValueExact();
            }
            if (type == Short.class) {
                return exact.shortValueExact();
            }
            if (type == Double.class) {
                double d = exact.doubleValue();
                return new BigDecimal(Double.toString(d)).compareTo(exact) == 0 ? d : null;
            }
            if (type == BigDecimal.class) {
                return exact;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == long.class ? Long.class : type == int.class ? Integer.class : type == short.class ? Short.class
                : type == double.class ? Double.class : type == boolean.class ? Boolean.class : type;
    }

    /**
     * The {@code WHERE} condition's SQL, without the keyword: what a condition of this shape always gives.
     *
     * @param condition the condition (of this shape)
     * @return the SQL
     */
    String sql(Condition condition) {
        StringBuilder sql = new StringBuilder();
        render(condition, sql);
        return sql.toString();
    }

    private void render(Condition c, StringBuilder sql) {
        if (c instanceof Condition.Comparison cmp) {
            PropertyInfo p = property(cmp.property());
            sql.append(compared(p, column(p))).append(' ').append(symbol(cmp.operator())).append(' ')
                    .append(compared(p, "?"));
        } else if (c instanceof Condition.Between between) {
            PropertyInfo p = property(between.property());
            sql.append(compared(p, column(p))).append(" BETWEEN ").append(compared(p, "?")).append(" AND ")
                    .append(compared(p, "?"));
        } else if (c instanceof Condition.In in) {
            PropertyInfo p = property(in.property());
            if (in.values().isEmpty()) {
                sql.append("1 = 0");
                return;
            }
            sql.append(compared(p, column(p))).append(" IN (");
            for (int i = 0; i < in.values().size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(compared(p, "?"));
            }
            sql.append(')');
        } else if (c instanceof Condition.Null isNull) {
            sql.append(column(property(isNull.property()))).append(isNull.isNull() ? " IS NULL" : " IS NOT NULL");
        } else if (c instanceof Condition.Text text) {
            sql.append(dialect.textMatch(column(property(text.property())), text.ignoreCase()));
        } else if (c instanceof Condition.All all) {
            join(all.conditions(), " AND ", "1 = 1", sql);
        } else if (c instanceof Condition.Any any) {
            join(any.conditions(), " OR ", "1 = 0", sql);
        } else {
            sql.append("NOT (");
            render(((Condition.Not) c).condition(), sql);
            sql.append(')');
        }
    }

    private void join(List<Condition> conditions, String operator, String empty, StringBuilder sql) {
        if (conditions.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            render(conditions.get(i), sql);
        }
        sql.append(')');
    }

    private String column(PropertyInfo p) {
        return dialect.quote(p.column);
    }

    /** How a side of a comparison is written so that it compares by the Java value (a decimal kept as text). */
    private String compared(PropertyInfo p, String expression) {
        return dialect.orderExpression(expression, p.type, p.precision);
    }

    private static String symbol(Condition.Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }
}
