package io.dataport.sqlite;

import io.dataport.ConstraintViolationException;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SchemaChangeContract;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteSchemaChangeTest extends SchemaChangeContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }

    /** {@code stock} with {@code qty} a number. */
    @Table("stock")
    public record Stock(@Id Long id, Long qty, String sku) {
    }

    /** The rebuild keeps what only SQLite's CREATE TABLE text holds (a CHECK) and the table's triggers. */
    @Test
    void aRebuildKeepsChecksAndTriggers() {
        db.useTransaction(s -> {
            s.execute("create table audit (stock_id bigint)");
            s.execute("create table stock (id bigint primary key, qty text check (qty >= 0), sku text)");
            s.execute("create trigger stock_audit after insert on stock begin insert into audit values (new.id); end");
            s.execute("insert into stock values (1, '5', 'a')");
        });
        db.schema().changeColumnType(Stock.class, "qty");
        db.schema().validate(Stock.class);
        assertThat(db.repository(Stock.class).findById(1L)).contains(new Stock(1L, 5L, "a"));
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into stock values (2, -1, 'b')")))
                .isInstanceOf(ConstraintViolationException.class);
        db.useTransaction(s -> s.execute("insert into stock values (3, 1, 'c')"));
        assertThat(count("audit")).isEqualTo(2);
    }
}
