package io.dataport.contract;

import io.dataport.ConfigurationException;
import io.dataport.ConstraintViolationException;
import io.dataport.CrudRepository;
import io.dataport.DataportException;
import io.dataport.Database;
import io.dataport.DuplicateKeyException;
import io.dataport.InvalidQueryException;
import io.dataport.PageRequest;
import io.dataport.Session;
import io.dataport.SessionMisuseException;
import io.dataport.Sort;
import io.dataport.StatementException;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The exception types the README's hierarchy documents, the same on every backend; the one rule for unknown
 * settings; and the statement listener, which sees Dataport's statements and the application's alike.
 */
public abstract class ExceptionHierarchyContract extends ContractSupport {

    /** An entity with a unique column. */
    public record Member(@Id Long id, @Column(unique = true) String email) {
    }

    @Test
    void sessionMisuseIsADataportExceptionOfItsOwn() {
        Session[] leaked = new Session[1];
        db.useTransaction(s -> leaked[0] = s);
        Throwable thrown = catchThrowable(() -> leaked[0].execute("select 1"));
        assertThat(thrown).isInstanceOf(SessionMisuseException.class).isInstanceOf(DataportException.class)
                .isNotInstanceOf(StatementException.class).hasMessageContaining("closed");
    }

    @Test
    void invalidQueryInputIsNotAConfigurationError() {
        db.schema().create(Member.class);
        CrudRepository<Member, Long> members = db.repository(Member.class);
        assertThatThrownBy(() -> members.findAll(PageRequest.of(0, 10, Sort.by("nope"))))
                .isInstanceOf(InvalidQueryException.class).isNotInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> Sort.parse("name,,email")).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void aDuplicateKeyIsAConstraintViolation() {
        db.schema().create(Member.class);
        CrudRepository<Member, Long> members = db.repository(Member.class);
        members.insert(new Member(null, "ada@example.com"));
        assertThatThrownBy(() -> members.insert(new Member(null, "ada@example.com")))
                .isInstanceOf(DuplicateKeyException.class).isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void unknownSettingsAreRefusedWithTheKnownOnesOnEveryBackend() {
        assertThatThrownBy(() -> target().builder().property("no_such_setting", "1").open())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unknown").hasMessageContaining("'no_such_setting'")
                .hasMessageContaining("Known: ");
    }

    @Test
    void theStatementListenerSeesRepositoryAndApplicationStatements() {
        List<String> seen = new ArrayList<>();
        try (Database listened = target().builder().statementListener(seen::add).open()) {
            listened.schema().create(Member.class);
            CrudRepository<Member, Long> members = listened.repository(Member.class);
            Member ada = members.insert(new Member(null, "ada@example.com"));
            members.findById(ada.id());
            listened.useTransaction(s -> s.execute("update member set email = email"));
        }
        assertThat(seen).anySatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE"))
                .anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO \"member\""))
                .anySatisfy(sql -> assertThat(sql).startsWith("SELECT").contains("WHERE \"member\".\"id\" = ?"))
                .anySatisfy(sql -> assertThat(sql).isEqualTo("update member set email = email"));
    }
}
