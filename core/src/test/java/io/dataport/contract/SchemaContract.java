package io.dataport.contract;

import io.dataport.ConstraintViolationException;
import io.dataport.CrudRepository;
import io.dataport.DuplicateKeyException;
import io.dataport.StatementException;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code db.schema()} writes working DDL in each dialect: identity ids, unique, not-null, lengths, drop. */
public abstract class SchemaContract extends ContractSupport {

    public record Person(@Id Long id, @Column(length = 40) String name, @Column(unique = true) String email,
                         int age, boolean admin, Integer score) {
    }

    public record Counter(@Id Integer id, long value) {
    }

    /** A table named by a reserved word: quoting makes it work. */
    @Table("order")
    public record Order(@Id Long id, @Column(name = "select") String select) {
    }

    /** No {@code @Table}: the table is {@code order_line}. */
    public record OrderLine(@Id Long id, long orderId, String productName) {
    }

    @Test
    void createIsIdempotentAndDropRemovesTheTable() {
        db.schema().create(Person.class);
        db.schema().create(Person.class);
        db.repository(Person.class).insert(new Person(null, "Ada", "ada@x.org", 36, true, null));
        assertThat(count("person")).isEqualTo(1);
        db.schema().drop(Person.class);
        db.schema().drop(Person.class);
        assertThatThrownBy(() -> count("person")).isInstanceOf(StatementException.class);
        db.schema().create(Person.class);
        assertThat(count("person")).isZero();
    }

    @Test
    void generatedIdsForLongAndIntegerIds() {
        db.schema().create(Person.class, Counter.class);
        CrudRepository<Counter, Integer> counters = db.repository(Counter.class);
        Counter a = counters.insert(new Counter(null, 1));
        Counter b = counters.insert(new Counter(null, 2));
        assertThat(a.id()).isNotNull();
        assertThat(b.id()).isGreaterThan(a.id());
        List<Counter> batch = counters.insertAll(List.of(new Counter(null, 3), new Counter(null, 4)));
        assertThat(batch).extracting(Counter::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(counters.findAllById(List.of(batch.get(1).id(), a.id()))).containsExactly(batch.get(1), a);
    }

    @Test
    void primitivePropertiesAreNotNull() {
        db.schema().create(Person.class);
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute(
                "insert into person (name, email, age, admin) values ('a', 'a@x.org', null, true)")))
                .isInstanceOf(ConstraintViolationException.class);
        db.useTransaction(s -> s.execute(
                "insert into person (name, email, age, admin, score) values (null, null, 1, false, null)"));
        assertThat(count("person")).isEqualTo(1);
    }

    @Test
    void uniqueColumnsRejectDuplicates() {
        db.schema().create(Person.class);
        CrudRepository<Person, Long> people = db.repository(Person.class);
        people.insert(new Person(null, "Ada", "ada@x.org", 36, true, null));
        assertThatThrownBy(() -> people.insert(new Person(null, "Other", "ada@x.org", 1, false, null)))
                .isInstanceOf(DuplicateKeyException.class);
        people.insert(new Person(null, "No mail 1", null, 1, false, null));
        people.insert(new Person(null, "No mail 2", null, 1, false, null));
        assertThat(people.count()).isEqualTo(3);
    }

    @Test
    void ddlQuotesNamesAndGivesLengths() {
        String ddl = db.schema().createSql(Person.class);
        assertThat(ddl).startsWith("CREATE TABLE IF NOT EXISTS \"person\"")
                .contains("\"name\" VARCHAR(40)")
                .contains("\"email\"").contains("UNIQUE")
                .contains("\"age\" INTEGER NOT NULL");
    }

    @Test
    void reservedWordsAndDefaultSnakeCaseNamesWork() {
        db.schema().create(Order.class, OrderLine.class);
        CrudRepository<Order, Long> orders = db.repository(Order.class);
        Order o = orders.insert(new Order(null, "star"));
        assertThat(orders.findById(o.id())).contains(o);
        CrudRepository<OrderLine, Long> lines = db.repository(OrderLine.class);
        OrderLine line = lines.insert(new OrderLine(null, o.id(), "Widget"));
        String product = db.inTransaction(s -> s.handle()
                .createQuery("select product_name from order_line where order_id = ?").bind(0, o.id())
                .mapTo(String.class).one());
        assertThat(product).isEqualTo("Widget");
        assertThat(lines.findAll()).containsExactly(line);
        db.schema().drop(OrderLine.class, Order.class);
    }
}
