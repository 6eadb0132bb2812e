package io.dataport.sqlite;

import io.dataport.Database;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite keeps prepared statements per connection between sessions, and closes them with the connection. */
class SqliteStatementCacheTest {
    private Database db;
    private final List<PreparedStatement> seen = new ArrayList<>();

    @BeforeEach
    void open() {
        db = SqliteTarget.INSTANCE.open();
        db.useTransaction(s -> {
            s.execute("create table item (id integer primary key, name varchar(50) not null)");
            s.execute("insert into item(id, name) values (?, ?)", 1, "one");
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void writerReusesTheStatementOfTheSameSqlInTheNextSession() {
        for (int i = 0; i < 3; i++) {
            String name = db.inTransaction(s -> s.handle().createQuery("select name from item where id = ?")
                    .bind(0, 1).addCustomizer(capture()).mapTo(String.class).one());
            assertThat(name).isEqualTo("one");
        }
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1)).isSameAs(seen.get(0));
        assertThat(seen.get(2)).isSameAs(seen.get(0));
    }

    @Test
    void readerReusesItsStatementToo() {
        for (int i = 0; i < 2; i++) {
            db.useReadOnlyTransaction(s -> s.handle().createQuery("select name from item where id = ?").bind(0, 1)
                    .addCustomizer(capture()).mapTo(String.class).one());
        }
        assertThat(seen.get(1)).isSameAs(seen.get(0));
    }

    @Test
    void statementsCloseWithTheDatabase() throws Exception {
        db.useTransaction(s -> s.handle().createQuery("select name from item where id = ?").bind(0, 1)
                .addCustomizer(capture()).mapTo(String.class).one());
        db.useReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from item")
                .addCustomizer(capture()).mapTo(Integer.class).one());
        assertThat(seen).allSatisfy(ps -> assertThat(ps.isClosed()).isFalse());
        db.close();
        for (PreparedStatement ps : seen) {
            assertThat(ps.isClosed()).isTrue();
        }
    }

    private StatementCustomizer capture() {
        return new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                seen.add(stmt);
            }
        };
    }
}
