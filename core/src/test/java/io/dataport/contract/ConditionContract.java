package io.dataport.contract;

import io.dataport.Condition;
import io.dataport.CrudRepository;
import io.dataport.InvalidQueryException;
import io.dataport.Page;
import io.dataport.PageRequest;
import io.dataport.Sort;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.dataport.Condition.not;
import static io.dataport.Condition.or;
import static io.dataport.Condition.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conditions on properties ({@link Condition}) in the repository: the same rows on every backend. */
public abstract class ConditionContract extends ContractSupport {
    public enum Kind { TOOL, TOY, FOOD }

    @Table("cond_items")
    public record Item(@Id Long id, String name, Integer qty, @Column(precision = 10, scale = 2) BigDecimal price,
                       BigDecimal weight, Instant at, Boolean active, Kind kind, UUID ref) {
    }

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00.123456Z");
    private static final UUID REF = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final String[] NAMES = {"Apple", "apple pie", "Äpfel", "äpfel", "100%_sure", "100xxsure", "a_b",
        "aXb", "a*b", "a?b", "[x]", "O'Brien; drop table cond_items --", null};

    private CrudRepository<Item, Long> items;

    @BeforeEach
    void fill() {
        db.schema().create(Item.class);
        items = db.repository(Item.class);
        List<Item> rows = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            Integer qty = i % 4 == 3 ? null : i == 0 ? Integer.MAX_VALUE : i == 1 ? Integer.MIN_VALUE : i - 5;
            rows.add(new Item((long) i + 1, NAMES[i], qty, new BigDecimal(i + ".50"), new BigDecimal(i == 2 ? "10" : "9.5"),
                    T0.plusSeconds(i), i % 2 == 0, Kind.values()[i % 3], i == 9 ? REF : UUID.randomUUID()));
        }
        items.insertAll(rows);
    }

    private List<Long> ids(Condition c) {
        return items.findAll(c).stream().map(Item::id).toList();
    }

    @Test
    void comparisonsWithEdgeValuesLeaveNullsOut() {
        // qty by id: 1 MAX, 2 MIN, 3 -3, 4 null, 5 -1, 6 0, 7 1, 8 null, 9 3, 10 4, 11 5, 12 null, 13 7
        assertThat(ids(where("qty").eq(0))).containsExactly(6L);
        assertThat(ids(where("qty").eq(Integer.MAX_VALUE))).containsExactly(1L);
        assertThat(ids(where("qty").ne(0))).containsExactly(1L, 2L, 3L, 5L, 7L, 9L, 10L, 11L, 13L);
        assertThat(ids(where("qty").lt(0))).containsExactly(2L, 3L, 5L);
        assertThat(ids(where("qty").le(0))).containsExactly(2L, 3L, 5L, 6L);
        assertThat(ids(where("qty").gt(5))).containsExactly(1L, 13L);
        assertThat(ids(where("qty").ge(5))).containsExactly(1L, 11L, 13L);
        assertThat(ids(where("qty").between(-2, 2))).containsExactly(5L, 6L, 7L);
        assertThat(ids(where("qty").between(Integer.MIN_VALUE, Integer.MIN_VALUE))).containsExactly(2L);
        assertThat(ids(where("qty").in(0, 7, 99))).containsExactly(6L, 13L);
        assertThat(ids(where("qty").in(List.of()))).isEmpty();
        assertThat(ids(not(where("qty").in(List.of())))).hasSize(NAMES.length);
        assertThat(ids(where("qty").isNull())).containsExactly(4L, 8L, 12L);
        assertThat(ids(where("qty").isNotNull())).hasSize(NAMES.length - 3);
        assertThat(ids(not(where("qty").eq(0)))).as("not leaves nulls out too").doesNotContain(4L, 6L, 8L, 12L)
                .hasSize(NAMES.length - 4);
        assertThat(ids(where("name").isNull())).containsExactly(13L);
    }

    @Test
    void valuesBindAsThePropertyStoresThem() {
        assertThat(ids(where("id").eq(7))).as("an int for a Long id").containsExactly(7L);
        assertThat(ids(where("price").lt(new BigDecimal("2.5")))).containsExactly(1L, 2L);
        assertThat(ids(where("price").eq(new BigDecimal("3.5")))).as("3.5 = 3.50").containsExactly(4L);
        assertThat(ids(where("weight").gt(new BigDecimal("9.75")))).as("undeclared decimals by value")
                .containsExactly(3L);
        assertThat(ids(where("at").eq(T0.plusSeconds(3).plusNanos(789)))).as("nanos truncated as stored")
                .containsExactly(4L);
        assertThat(ids(where("at").ge(T0.plusSeconds(11)))).containsExactly(12L, 13L);
        assertThat(ids(where("active").eq(false))).containsExactly(2L, 4L, 6L, 8L, 10L, 12L);
        assertThat(ids(where("kind").eq(Kind.FOOD))).containsExactly(3L, 6L, 9L, 12L);
        assertThat(ids(where("kind").in(Kind.TOOL, Kind.TOY).and(where("id").le(3)))).containsExactly(1L, 2L);
        assertThat(ids(where("ref").eq(REF))).containsExactly(10L);
    }

    @Test
    void textMatchingIsLiteralCaseSensitiveOrNotTheSameOnEveryBackend() {
        assertThat(ids(where("name").startsWith("Ap"))).containsExactly(1L);
        assertThat(ids(where("name").startsWith("ap"))).containsExactly(2L);
        assertThat(ids(where("name").startsWithIgnoreCase("AP"))).containsExactly(1L, 2L);
        assertThat(ids(where("name").endsWith("PIE"))).isEmpty();
        assertThat(ids(where("name").endsWithIgnoreCase("PIE"))).containsExactly(2L);
        assertThat(ids(where("name").contains("pfel"))).containsExactly(3L, 4L);
        assertThat(ids(where("name").startsWith("Ä"))).as("non-ASCII, case-sensitive").containsExactly(3L);
        assertThat(ids(where("name").startsWithIgnoreCase("äP"))).as("non-ASCII letters fold").containsExactly(3L, 4L);
        assertThat(ids(where("name").containsIgnoreCase("ÄPFEL"))).containsExactly(3L, 4L);
        assertThat(ids(where("name").startsWith("100%"))).as("% is no wildcard").containsExactly(5L);
        assertThat(ids(where("name").contains("_"))).as("_ is no wildcard").containsExactly(5L, 7L, 12L);
        assertThat(ids(where("name").containsIgnoreCase("A_B"))).containsExactly(7L);
        assertThat(ids(where("name").contains("*"))).containsExactly(9L);
        assertThat(ids(where("name").contains("?"))).containsExactly(10L);
        assertThat(ids(where("name").startsWith("[x"))).containsExactly(11L);
        assertThat(ids(where("name").contains("!"))).isEmpty();
        assertThat(ids(where("name").contains("'"))).containsExactly(12L);
        assertThat(ids(where("name").contains(""))).as("everything but null").hasSize(NAMES.length - 1);
    }

    @Test
    void andOrNotCombine() {
        assertThat(ids(where("qty").gt(0).and(where("active").eq(true)))).containsExactly(1L, 7L, 9L, 11L, 13L);
        assertThat(ids(or(where("id").eq(1), where("id").eq(13), where("qty").eq(0)))).containsExactly(1L, 6L, 13L);
        assertThat(ids(not(where("name").startsWithIgnoreCase("a").or(where("name").isNull()))))
                .containsExactly(3L, 4L, 5L, 6L, 11L, 12L);
        assertThat(ids(Condition.and())).hasSize(NAMES.length);
        assertThat(ids(Condition.or())).isEmpty();
    }

    @Test
    void pagingSortingCountingAndDeletingWithAConditionGoTogether() {
        Condition some = where("qty").isNotNull();
        Page<Item> page = items.findAll(some, PageRequest.of(1, 3, Sort.parse("-qty")));
        assertThat(page.totalElements()).isEqualTo(NAMES.length - 3);
        assertThat(page.content()).extracting(Item::qty).containsExactly(4, 3, 1);
        assertThat(items.findAll(some, Sort.parse("qty")).get(0).qty()).isEqualTo(Integer.MIN_VALUE);
        assertThat(items.findFirst(where("kind").eq(Kind.TOY), Sort.parse("-id")).map(Item::id)).contains(11L);
        assertThat(items.findFirst(where("id").gt(100), Sort.unsorted())).isEmpty();
        assertThat(items.findOne(where("ref").eq(REF)).map(Item::id)).contains(10L);
        assertThat(items.findOne(where("id").eq(999))).isEmpty();
        assertThatThrownBy(() -> items.findOne(where("kind").eq(Kind.TOY)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("matched more than one Item")
                .hasMessageContaining("findFirst");
        assertThat(items.count(where("active").eq(true))).isEqualTo(7);
        assertThat(items.exists(where("name").eq("aXb"))).isTrue();
        assertThat(items.exists(where("name").eq("axb"))).isFalse();
        assertThat(items.deleteAll(where("qty").isNull())).isEqualTo(3);
        assertThat(items.count()).isEqualTo(NAMES.length - 3);
        assertThat(items.findAll(where("qty").isNotNull(), PageRequest.of(9, 5)).content()).isEmpty();
    }

    @Test
    void hostileNamesAndValuesAreRefusedOrTakenAsValues() {
        assertThatThrownBy(() -> items.findAll(where("name; drop table cond_items").eq("x")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Condition property unknown for entity Item: 'name; drop table cond_items'")
                .hasMessageContaining("Use one of: ").hasMessageContaining("qty");
        assertThatThrownBy(() -> items.count(where("NAME").eq("x"))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> where("name").eq(null)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Use where(\"name\").isNull()");
        assertThatThrownBy(() -> items.findAll(where("qty").eq("7"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("property 'qty' of Item is a Integer");
        assertThatThrownBy(() -> items.findAll(where("qty").eq(7.5))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("it can hold exactly");
        assertThatThrownBy(() -> items.findAll(where("qty").startsWith("1"))).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("is not a String");
        assertThat(ids(where("name").eq("x' OR '1'='1"))).isEmpty();
        assertThat(ids(where("name").eq("O'Brien; drop table cond_items --"))).containsExactly(12L);
        assertThat(items.count()).isEqualTo(NAMES.length);
    }

    @Test
    void aConditionOfTheSameShapeRunsTheSameStatement() {
        List<String> seen = new ArrayList<>();
        try (var logged = target().builder().statementListener(seen::add).open()) {
            logged.schema().create(Item.class);
            CrudRepository<Item, Long> same = logged.repository(Item.class);
            same.findAll(where("qty").eq(1).and(where("name").startsWith("a")));
            same.findAll(where("qty").eq(5).and(where("name").startsWith("zz")));
            same.findAll(where("qty").in(1, 2));
        }
        List<String> selects = seen.stream().filter(s -> s.contains("cond_items") && s.contains("WHERE")).toList();
        assertThat(selects).hasSize(3);
        assertThat(selects.get(0)).isEqualTo(selects.get(1)).doesNotContain("'a'").doesNotContain("zz");
        assertThat(selects.get(2)).contains("IN (?, ?)");
    }
}
