package io.dataport.contract;

import io.dataport.ConstraintViolationException;
import io.dataport.CrudRepository;
import io.dataport.DuplicateKeyException;
import io.dataport.SchemaMismatchException;
import io.dataport.StatementException;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import io.dataport.mapping.Version;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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

    /** Mapped onto a table made by hand, which lacks some of what it maps. */
    @Table("drift")
    public record Drift(@Id Long id, String name, int age, String email, long visits, @Version long version) {
    }

    /** Mapped onto a table made by hand, with declared sizes. */
    @Table("sized")
    public record Sized(@Id Long id, @Column(length = 40) String code, @Column(precision = 12, scale = 2) BigDecimal price,
                        @Column(precision = 12, scale = 2) BigDecimal total, String note) {
    }

    /** Creates {@code sized} with the given column types for code, price, total and note. */
    protected void createSizedTable(String code, String price, String total, String note) {
        db.useTransaction(s -> s.execute("create table sized (id bigint primary key, code " + code + ", price " + price
                + ", total " + total + ", note " + note + ")"));
    }

    /** A table nobody created. */
    public record Absent(@Id Long id, String note) {
    }

    private void createDriftTable() {
        db.useTransaction(s -> s.execute("create table drift (id bigint primary key, name text, age integer, "
                + "email integer, version bigint not null)"));
        db.useTransaction(s -> s.execute("insert into drift (id, name, age, email, version) values (1, 'Ada', 36, 7, 0)"));
    }

    @Test
    void validateAcceptsTheTablesCreateMakes() {
        db.schema().create(Person.class, Counter.class, Order.class, OrderLine.class);
        db.schema().validate(Person.class, Counter.class, Order.class, OrderLine.class);
    }

    @Test
    void validateAcceptsColumnsWideEnoughForTheDeclaredSizes() {
        createSizedTable("varchar(80)", "numeric(14,2)", "numeric(14,4)", "varchar(255)");
        db.schema().validate(Sized.class);
    }

    @Test
    void validateReportsEveryDifferenceInOneExceptionWithTableColumnAndRemedy() {
        db.schema().create(Person.class);
        createDriftTable();
        assertThatThrownBy(() -> db.schema().validate(Person.class, Absent.class, Drift.class))
                .isInstanceOfSatisfying(SchemaMismatchException.class, e -> assertThat(e.differences()).satisfiesExactly(
                        d -> assertThat(d).startsWith("Table \"absent\" of entity Absent is missing.")
                                .contains("db.schema().create(Absent.class)"),
                        d -> assertThat(d).startsWith("Table \"drift\" column \"age\" (Drift.age) accepts null")
                                .contains("Make the column NOT NULL, or the property a Integer."),
                        d -> assertThat(d).startsWith("Table \"drift\" column \"email\" (Drift.email) is ")
                                .contains("cannot hold every String the property allows. Change the column to "),
                        d -> assertThat(d).startsWith("Table \"drift\" column \"visits\" (Drift.visits) is missing.")
                                .contains("ADD COLUMN \"visits\"")))
                .hasMessageStartingWith("Schema does not match the entity mappings: 4 differences.");
    }

    @Test
    void aMappedColumnMissingFromTheTableFailsTheStatementAlikeOnEveryBackend() {
        createDriftTable();
        CrudRepository<Drift, Long> drift = db.repository(Drift.class);
        // SQLite would read a double-quoted name it cannot resolve as text: the column's name as its value.
        assertThatThrownBy(() -> drift.findById(1L)).isInstanceOf(StatementException.class)
                .hasMessageContaining("visits");
        Drift stale = new Drift(1L, "Ada", 36, "7", 0, 0);
        assertThatThrownBy(() -> drift.update(stale)).isInstanceOf(StatementException.class);
        assertThatThrownBy(() -> drift.upsert(stale)).isInstanceOf(StatementException.class);
        assertThat(count("drift")).isEqualTo(1);
    }

    /** A versioned entity whose table, {@code noversion}, has no version column. */
    @Table("noversion")
    public record NoVersion(@Id Long id, String name, @Version long version) {
    }

    @Test
    void aVersionedDeleteOnATableWithoutTheVersionColumnFailsAlike() {
        db.useTransaction(s -> s.execute("create table noversion (id bigint primary key, name text)"));
        db.useTransaction(s -> s.execute("insert into noversion (id, name) values (1, 'Ada')"));
        CrudRepository<NoVersion, Long> r = db.repository(NoVersion.class);
        assertThatThrownBy(() -> r.delete(new NoVersion(1L, "Ada", 0))).isInstanceOf(StatementException.class)
                .hasMessageContaining("version");
        assertThat(count("noversion")).isEqualTo(1);
        assertThat(r.existsById(1L)).isTrue();
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
