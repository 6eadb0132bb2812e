package io.dataport.contract;

import io.dataport.ConfigurationException;
import io.dataport.ConstraintViolationException;
import io.dataport.DuplicateKeyException;
import io.dataport.MappingException;
import io.dataport.SchemaMismatchException;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code db.schema()}'s changes to a table with rows: the rows stay, and so do its unique indexes, its foreign keys
 * and the foreign keys that reference it, on every backend (SQLite by rebuilding the table where it must).
 */
public abstract class SchemaChangeContract extends ContractSupport {

    /** The {@code gadget} table as made by hand, with {@code code} now a number and a new {@code rating}. */
    @Table("gadget")
    public record Gadget(@Id Long id, String sku, Long code, String note, String label, Long makerId, int rating,
                         @Column(unique = true) String serial) {
    }

    /** {@code gadget} as made, {@code code} still text. */
    @Table("gadget")
    public record GadgetAsMade(@Id Long id, String sku, String code, String note, String label, Long makerId) {
    }

    /** {@code gadget} with {@code code} a number. */
    @Table("gadget")
    public record GadgetTyped(@Id Long id, String sku, Long code, String note, String label, Long makerId) {
    }

    /** {@code gadget} with a primitive {@code rating}. */
    @Table("gadget")
    public record GadgetRated(@Id Long id, String sku, String code, String note, String label, Long makerId,
                              int rating, boolean active) {
    }

    @BeforeEach
    void createTables() {
        db.useTransaction(s -> {
            s.execute("create table maker (id bigint primary key, name text)");
            s.execute("create table gadget (id bigint primary key, sku varchar(40) unique, code text, note text, "
                    + "label text, maker_id bigint references maker(id))");
            s.execute("create index gadget_code_idx on gadget (code)");
            s.execute("create unique index gadget_note_key on gadget (note)");
            s.execute("create table part (id bigint primary key, gadget_id bigint references gadget(id))");
            s.execute("insert into maker (id, name) values (1, 'Acme')");
            s.execute("insert into gadget (id, sku, code, note, label, maker_id) values "
                    + "(1, 'A-1', '42', 'first', 'red', 1), (2, 'B-2', '7', 'second', 'blue', 1)");
            s.execute("insert into part (id, gadget_id) values (1, 1)");
        });
    }

    private void insertGadget(long id, String sku, String note, long makerId) {
        db.useTransaction(s -> s.execute("insert into gadget (id, sku, note, maker_id) values (?, ?, ?, ?)",
                id, sku, note, makerId));
    }

    private List<String> strings(String query) {
        List<String> found = db.inTransaction(s -> s.handle().createQuery(query).mapTo(String.class).list());
        return found;
    }

    private List<String> columns() {
        return db.inTransaction(s -> s.handle().createQuery("select * from gadget where 1 = 0")
                .scanResultSet((rs, ctx) -> {
                    ResultSetMetaData meta = rs.get().getMetaData();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                    }
                    return names;
                }));
    }

    /** Unique sku and unique note refused, a gadget of no maker refused, a part of no gadget refused. */
    private void assertConstraintsEnforced(boolean noteKept) {
        assertThatThrownBy(() -> insertGadget(10, "A-1", "new", 1)).isInstanceOf(DuplicateKeyException.class);
        if (noteKept) {
            assertThatThrownBy(() -> insertGadget(11, "C-3", "first", 1)).isInstanceOf(DuplicateKeyException.class);
        }
        assertThatThrownBy(() -> insertGadget(12, "D-4", "other", 99)).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into part (id, gadget_id) values (2, 99)")))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("delete from gadget where id = 1")))
                .isInstanceOf(ConstraintViolationException.class);
        insertGadget(13, "E-5", "fifth", 1);
        assertThat(count("part")).isEqualTo(1);
    }

    @Test
    void addColumnGivesExistingRowsTheJavaDefaultAndValidates() {
        db.schema().addColumn(GadgetRated.class, "rating");
        db.schema().addColumn(GadgetRated.class, "active");
        assertThat(db.repository(GadgetRated.class).findById(1L)).contains(
                new GadgetRated(1L, "A-1", "42", "first", "red", 1L, 0, false));
        db.schema().validate(GadgetRated.class);
        assertConstraintsEnforced(true);
    }

    @Test
    void addColumnOfAUniquePropertyAddsAUniqueIndex() {
        db.schema().changeColumnType(GadgetTyped.class, "code");
        db.schema().addColumn(Gadget.class, "rating");
        db.schema().addColumn(Gadget.class, "serial");
        db.schema().validate(Gadget.class);
        db.useTransaction(s -> s.execute("update gadget set serial = 'S1' where id = 1"));
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("update gadget set serial = 'S1' where id = 2")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(db.repository(Gadget.class).findById(2L)).contains(
                new Gadget(2L, "B-2", 7L, "second", "blue", 1L, 0, null));
    }

    @Test
    void changeColumnTypeConvertsTheValuesAndKeepsIndexesAndForeignKeys() {
        db.schema().changeColumnType(GadgetTyped.class, "code");
        db.schema().validate(GadgetTyped.class);
        assertThat(db.repository(GadgetTyped.class).findAll()).containsExactly(
                new GadgetTyped(1L, "A-1", 42L, "first", "red", 1L), new GadgetTyped(2L, "B-2", 7L, "second", "blue", 1L));
        assertThat(strings("select code + 1 from gadget where id = 1")).containsExactly("43");
        assertConstraintsEnforced(true);
    }

    @Test
    void dropColumnOfAnIndexedColumnKeepsTheRowsAndTheOtherConstraints() {
        db.schema().dropColumn("gadget", "note");
        assertThat(columns()).containsExactly("id", "sku", "code", "label", "maker_id");
        assertThat(strings("select sku from gadget order by id")).containsExactly("A-1", "B-2");
        db.useTransaction(s -> s.execute("insert into gadget (id, sku, maker_id) values (20, 'Z-1', 1)"));
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into gadget (id, sku, maker_id) values "
                + "(21, 'Z-1', 1)"))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into gadget (id, sku, maker_id) values "
                + "(22, 'Z-2', 99)"))).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into part (id, gadget_id) values (2, 99)")))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void dropColumnReferencedByNothingKeepsTheForeignKeyOfAnotherColumn() {
        db.schema().dropColumn("gadget", "label");
        assertThat(columns()).containsExactly("id", "sku", "code", "note", "maker_id");
        assertThat(strings("select note from gadget order by id")).containsExactly("first", "second");
        assertConstraintsEnforced(true);
    }

    @Test
    void dropColumnOfAForeignKeyColumnKeepsTheRowsAndTheReferencesToTheTable() {
        db.schema().dropColumn("gadget", "maker_id");
        assertThat(columns()).containsExactly("id", "sku", "code", "note", "label");
        db.useTransaction(s -> s.execute("insert into gadget (id, sku, note) values (30, 'Y-1', 'y')"));
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into gadget (id, sku, note) values "
                + "(31, 'Y-2', 'y')"))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into part (id, gadget_id) values (2, 99)")))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void renameColumnKeepsValuesAndItsUniqueIndex() {
        db.schema().renameColumn("gadget", "note", "remark");
        assertThat(strings("select remark from gadget order by id")).containsExactly("first", "second");
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into gadget (id, sku, remark, maker_id) "
                + "values (40, 'X-1', 'first', 1)"))).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into gadget (id, sku, remark, maker_id) "
                + "values (41, 'X-2', 'x', 99)"))).isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void addUniqueIndexIsEnforcedUntilDropped() {
        db.schema().addUniqueIndex("gadget", "gadget_label_key", "label");
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("update gadget set label = 'red' where id = 2")))
                .isInstanceOf(DuplicateKeyException.class);
        db.schema().dropIndex("gadget_label_key");
        db.useTransaction(s -> s.execute("update gadget set label = 'red' where id = 2"));
        assertThatThrownBy(() -> db.schema().addUniqueIndex("gadget", "gadget_label_key", "label"))
                .isInstanceOf(DuplicateKeyException.class);
        db.schema().addIndex("gadget", "gadget_label_idx", "label", "sku");
        db.useTransaction(s -> s.execute("insert into gadget (id, sku, label, maker_id) values (50, 'W-1', 'red', 1)"));
        assertThat(count("gadget")).isEqualTo(3);
    }

    @Test
    void aFailingChangeRollsBackTheWholeTransaction() {
        db.useTransaction(s -> s.execute("update gadget set label = 'red' where id = 2"));
        assertThatThrownBy(() -> db.useTransaction(s -> {
            db.schema().addColumn(GadgetRated.class, "rating");
            db.schema().addUniqueIndex("gadget", "gadget_label_key", "label");
        })).isInstanceOf(DuplicateKeyException.class);
        if (!ddlIsTransactional()) {
            // MySQL commits each DDL statement: the column added before the failing index stays.
            assertThat(columns()).contains("rating");
            return;
        }
        assertThat(columns()).doesNotContain("rating");
    }

    @Test
    void missingTablesColumnsAndPropertiesAreNamedWithTheFix() {
        assertThatThrownBy(() -> db.schema().addColumn(GadgetRated.class, "stars"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("has no property 'stars'. Properties: ");
        assertThatThrownBy(() -> db.schema().dropColumn("gadget", "colour"))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("Table \"gadget\" column \"colour\" is missing. Name an existing column");
        assertThatThrownBy(() -> db.schema().renameColumn("nothing", "a", "b"))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("Table \"nothing\" is missing.");
        assertThatThrownBy(() -> db.schema().renameColumn("gadget", "note", "label"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("already has a column \"label\"");
        assertThatThrownBy(() -> db.schema().addColumn(GadgetAsMade.class, "code"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("already has a column \"code\"");
        assertThat(columns()).containsExactly("id", "sku", "code", "note", "label", "maker_id");
    }
}
