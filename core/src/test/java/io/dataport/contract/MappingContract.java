package io.dataport.contract;

import io.dataport.MappingException;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import io.dataport.mapping.Transient;
import io.dataport.mapping.Version;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How classes map: names, {@code @Column}, {@code @Transient}, and an error naming the class and the property
 * for anything the mapper cannot handle.
 */
public abstract class MappingContract extends ContractSupport {

    public record NoId(Long id, String name) {
    }

    public record TwoIds(@Id Long id, @Id Long other) {
    }

    public record Unsupported(@Id Long id, List<String> tags) {
    }

    public record MapField(@Id Long id, Map<String, String> attributes) {
    }

    @Table("bad-name")
    public record BadTable(@Id Long id) {
    }

    public record BadColumn(@Id Long id, @Column(name = "x; drop table y") String x) {
    }

    public record BadVersion(@Id Long id, @Version String version) {
    }

    public record PrimitiveId(@Id long id) {
    }

    public static class NoConstructor {
        @Id
        Long id;

        public NoConstructor(Long id) {
            this.id = id;
        }
    }

    @Table("people")
    public record Person(@Id Long id, @Column(name = "full_name") String name, String homeTown,
                         @Transient String nickname, @Transient int cached) {
    }

    /** A mutable class with an inherited property and a transient one. */
    public static class Base {
        @Id
        Long id;
        String createdBy;
    }

    public static class Article extends Base {
        String title;
        @Transient
        String preview;
        transient String cache;

        Article() {
        }
    }

    @Test
    void entityWithoutIdIsRejected() {
        assertThatThrownBy(() -> db.repository(NoId.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(NoId.class.getName()).hasMessageContaining("@Id");
    }

    @Test
    void entityWithTwoIdsIsRejected() {
        assertThatThrownBy(() -> db.repository(TwoIds.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(TwoIds.class.getName()).hasMessageContaining("id, other");
    }

    @Test
    void unsupportedPropertyTypeNamesClassAndProperty() {
        assertThatThrownBy(() -> db.repository(Unsupported.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(Unsupported.class.getName()).hasMessageContaining("'tags'")
                .hasMessageContaining("java.util.List");
        assertThatThrownBy(() -> db.schema().create(MapField.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'attributes'");
        assertThatThrownBy(() -> db.repository(BadVersion.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'version'");
        assertThatThrownBy(() -> db.repository(PrimitiveId.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'id'").hasMessageContaining("Long");
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRejected() {
        assertThatThrownBy(() -> db.repository(BadTable.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(BadTable.class.getName()).hasMessageContaining("'bad-name'");
        assertThatThrownBy(() -> db.repository(BadColumn.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'x; drop table y'");
    }

    @Test
    void classWithoutNoArgumentConstructorIsRejected() {
        assertThatThrownBy(() -> db.repository(NoConstructor.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining(NoConstructor.class.getName()).hasMessageContaining("no-argument constructor");
    }

    @Test
    void columnNamesTransientPropertiesAndSnakeCase() {
        db.schema().create(Person.class);
        assertThat(db.schema().createSql(Person.class)).contains("\"full_name\"").contains("\"home_town\"")
                .doesNotContain("nickname").doesNotContain("cached");
        var people = db.repository(Person.class);
        Person ada = people.insert(new Person(null, "Ada Lovelace", "London", "Countess", 7));
        assertThat(ada.nickname()).isEqualTo("Countess");
        Person read = people.findById(ada.id()).orElseThrow();
        assertThat(read).isEqualTo(new Person(ada.id(), "Ada Lovelace", "London", null, 0));
        String name = db.inTransaction(s -> s.handle().createQuery("select full_name from people").mapTo(String.class).one());
        assertThat(name).isEqualTo("Ada Lovelace");
    }

    @Test
    void classEntitiesMapInheritedFieldsAndSkipTransientOnes() {
        db.schema().create(Article.class);
        assertThat(db.schema().createSql(Article.class)).contains("\"created_by\"").contains("\"title\"")
                .doesNotContain("preview").doesNotContain("cache");
        var articles = db.repository(Article.class);
        Article a = new Article();
        a.createdBy = "ada";
        a.title = "Notes";
        a.preview = "N...";
        Article inserted = articles.insert(a);
        assertThat(inserted).isSameAs(a);
        assertThat(a.id).isNotNull();
        Article read = articles.findById(a.id).orElseThrow();
        assertThat(read.createdBy).isEqualTo("ada");
        assertThat(read.title).isEqualTo("Notes");
        assertThat(read.preview).isNull();
    }

    @Test
    void recordMissingAColumnInAQueryResultNamesTheProperty() {
        db.schema().create(Person.class);
        db.repository(Person.class).insert(new Person(null, "Ada", "London", null, 0));
        assertThatThrownBy(() -> db.inTransaction(s -> s.handle().createQuery("select id, full_name from people")
                .mapTo(Person.class).list()))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(Person.class.getName()).hasMessageContaining("'homeTown'")
                .hasMessageContaining("home_town");
        Person aliased = db.inTransaction(s -> s.handle()
                .createQuery("select id, full_name, 'Paris' as home_town from people").mapTo(Person.class).one());
        assertThat(aliased.homeTown()).isEqualTo("Paris");
    }
}
