package io.dataport.contract;

import io.dataport.CrudRepository;
import io.dataport.DataportException;
import io.dataport.PageRequest;
import io.dataport.Sort;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Scenario 16: generated hostile sort keys and property names (quotes, semicolons, comments, unicode, control
 * characters, SQL keywords) are rejected with a Dataport exception before any SQL runs, through every public
 * door that takes a name: {@code Sort.by}, {@code Sort.parse}, {@code Sort.Order}, savepoint names, and entity
 * mapping names; the tables are intact afterwards.
 */
@Tag(Reliability.TAG)
public abstract class IdentifierFuzzReliabilityContract extends ContractSupport {
    static final String[] VALID = {"id", "name", "email", "active"};
    static final String[] HOSTILE = {"'", "\"", "`", ";", "--", "/*", "*/", " ", "\t", "\n", "\r", "\u0000", ")", "(",
        ",", ".", "=", "\\", "%", "$1", "?", ":name", "\u200B", "\u202E", "\uFF4E", "\u043C", "\uD83D\uDE00", "\u00E9",
        " desc", " nulls first", "; drop table fuzz_user", "' or '1'='1", "\" or \"1\"=\"1", "/**/", " union select 1",
        "(select 1)", "1", "case when 1=1 then id end", "#", "\u0130", "\u212A"};

    /** The entity whose table the fuzzing aims at. */
    @Table("fuzz_user")
    public record FuzzUser(@Id Long id, String name, String email, boolean active) {
    }

    /** Hostile names written in mapping annotations: each must be refused when the repository is built. */
    @Table("fuzz_user; drop table fuzz_user")
    public record HostileTable(@Id Long id) {
    }

    @Table("fuzz_user\" --")
    public record QuotedTable(@Id Long id) {
    }

    public record HostileColumn(@Id Long id, @Column(name = "name) values (1); --") String name) {
    }

    public record CommentColumn(@Id Long id, @Column(name = "x/*") String x) {
    }

    /** A legal Java name with a Cyrillic letter: not a plain SQL identifier. */
    public record UnicodeProperty(@Id Long id, String na\u043Ce) {
    }

    @Test
    void hostileNamesAreRejectedBeforeAnySqlRunsAndTablesStayIntact() {
        int count = Reliability.size("fuzz.count", 1000, 1000);
        long seed = Long.getLong("dataport.reliability.seed", 16L);
        long start = System.nanoTime();
        AtomicInteger statements = new AtomicInteger();
        db.close();
        db = target().builder().statementListener(sql -> statements.incrementAndGet()).open();
        db.schema().create(FuzzUser.class);
        CrudRepository<FuzzUser, Long> users = db.repository(FuzzUser.class);
        for (int i = 0; i < 20; i++) {
            users.insert(new FuzzUser(null, "user" + i, "user" + i + "@example.com", i % 2 == 0));
        }
        int probe = statements.get();
        users.count();
        assertThat(statements.get()).as("the statement counter sees repository SQL").isGreaterThan(probe);
        List<String> keys = hostileKeys(count, new Random(seed));
        int rejected = 0;
        for (String key : keys) {
            for (Sort sort : sorts(key)) {
                if (sort == null) {
                    rejected++; // Sort.parse itself refused the key.
                    continue;
                }
                if (sort.orders().stream().allMatch(o -> List.of(VALID).contains(o.property()))) {
                    // Sort.parse strips blanks around names and ignores a trailing comma: a plain valid sort.
                    assertThat(users.findAll(PageRequest.of(0, 5, sort)).content()).hasSize(5);
                    continue;
                }
                int before = statements.get();
                Throwable thrown = catchThrowable(() -> users.findAll(PageRequest.of(0, 5, sort)));
                assertThat(thrown).as("sort key %s", printable(key)).isInstanceOf(DataportException.class);
                assertThat(statements.get()).as("SQL ran for sort key %s", printable(key)).isEqualTo(before);
                rejected++;
            }
            if (key.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                continue; // a plain identifier (e.g. "name1"): a fine savepoint name, though no property
            }
            int before = statements.get();
            Throwable thrown = catchThrowable(() -> db.useTransaction(s -> s.handle().savepoint(key)));
            assertThat(thrown).as("savepoint %s", printable(key)).isInstanceOf(DataportException.class);
            assertThat(statements.get()).isEqualTo(before);
            rejected++;
        }
        for (Class<?> hostile : List.of(HostileTable.class, QuotedTable.class, HostileColumn.class,
                CommentColumn.class, UnicodeProperty.class)) {
            int before = statements.get();
            assertThatThrownBy(() -> db.repository(hostile).count()).as(hostile.getSimpleName())
                    .isInstanceOf(DataportException.class);
            assertThatThrownBy(() -> db.schema().create(hostile)).as(hostile.getSimpleName())
                    .isInstanceOf(DataportException.class);
            assertThat(statements.get()).as("SQL ran for %s", hostile.getSimpleName()).isEqualTo(before);
            rejected += 2;
        }
        assertThat(users.count()).as("rows intact").isEqualTo(20);
        assertThat(users.findAll(PageRequest.of(0, 50, Sort.parse("-name"))).content()).hasSize(20);
        Reliability.figures("16 identifier fuzzing (" + target().backend() + ")", "hostile keys=%d, rejections=%d, "
                + "SQL statements run by rejected calls=0, rows intact=20, seed=%d, elapsed=%d ms", keys.size(),
                rejected, seed, (System.nanoTime() - start) / 1_000_000);
    }

    /** Every way a key reaches a sort; null where {@code Sort.parse} already refused it. */
    private static List<Sort> sorts(String key) {
        List<Sort> sorts = new ArrayList<>();
        sorts.add(Sort.by(key));
        sorts.add(new Sort(List.of(new Sort.Order(key, false))));
        try {
            sorts.add(Sort.parse(key));
        } catch (DataportException e) {
            sorts.add(null);
        }
        return sorts;
    }

    /** Distinct keys, each a valid property spoiled by at least one hostile fragment, or hostile fragments alone. */
    static List<String> hostileKeys(int count, Random random) {
        Set<String> keys = new LinkedHashSet<>();
        for (String h : HOSTILE) {
            keys.add(h);
            keys.add("name" + h);
        }
        while (keys.size() < count) {
            StringBuilder key = new StringBuilder();
            if (random.nextBoolean()) {
                key.append(VALID[random.nextInt(VALID.length)]);
            }
            int fragments = 1 + random.nextInt(3);
            for (int f = 0; f < fragments; f++) {
                int at = random.nextInt(key.length() + 1);
                key.insert(at, HOSTILE[random.nextInt(HOSTILE.length)]);
            }
            if (random.nextInt(50) == 0) {
                key.append("x".repeat(5000));
            }
            String k = key.toString();
            if (!List.of(VALID).contains(k.strip()) && !List.of(VALID).contains(k.strip().replaceFirst("^-", ""))) {
                keys.add(k);
            }
        }
        return new ArrayList<>(keys);
    }

    private static String printable(String key) {
        StringBuilder b = new StringBuilder("'");
        key.codePoints().limit(80).forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c)
                : String.valueOf((char) c)));
        return b.append("'").toString();
    }
}
