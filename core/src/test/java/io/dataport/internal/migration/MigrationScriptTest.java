package io.dataport.internal.migration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting scripts into statements, comparing versions, checksums and finding scripts in a directory. */
class MigrationScriptTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = "-- a comment; not a statement\n"
                + "create table t (a varchar(10), \"odd;name\" int);\n"
                + "insert into t (a) values ('x;y'), ('it''s; fine');\n"
                + "/* block; /* nested; */ still comment; */\n"
                + "update t set a = 'z' -- trailing; comment\n"
                + "  where a = 'x;y';\n"
                + "  ;  -- only a comment\n"
                + "select 1";
        assertThat(ScriptSplitter.split(script)).containsExactly(
                "create table t (a varchar(10), \"odd;name\" int)",
                "insert into t (a) values ('x;y'), ('it''s; fine')",
                "update t set a = 'z' -- trailing; comment\n"
                        + "  where a = 'x;y'",
                "select 1");
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String body = "create function f() returns int as $$ begin perform 1; return 2; end $$ language plpgsql";
        String tagged = "do $body$ begin raise notice 'a;b $$ c'; end $body$";
        assertThat(ScriptSplitter.split(body + ";\n" + tagged + ";\nselect $1::int;"))
                .containsExactly(body, tagged, "select $1::int");
    }

    @Test
    void keepsSqliteTriggerBodiesWhole() {
        String trigger = "CREATE TRIGGER t_audit AFTER UPDATE ON t BEGIN\n"
                + "  INSERT INTO audit VALUES (CASE WHEN new.a IS NULL THEN 'none' ELSE new.a END);\n"
                + "  UPDATE t SET b = 1 WHERE a = new.a;\nEND";
        assertThat(ScriptSplitter.split(trigger + ";\nselect 2;")).containsExactly(trigger, "select 2");
    }

    @Test
    void noStatementsInAnEmptyOrCommentOnlyScript() {
        assertThat(ScriptSplitter.split("")).isEmpty();
        assertThat(ScriptSplitter.split("  -- nothing\n/* here */ ;\n")).isEmpty();
    }

    @Test
    void versionsCompareNumerically() {
        List<String> sorted = List.of("1", "1.2", "1.10", "2", "10", "10.0.1");
        for (int i = 0; i + 1 < sorted.size(); i++) {
            assertThat(MigrationVersion.parse(sorted.get(i))).isLessThan(MigrationVersion.parse(sorted.get(i + 1)));
        }
        assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1"));
        assertThat(MigrationVersion.parse("1.a")).isNull();
        assertThat(MigrationVersion.parse("")).isNull();
    }

    @Test
    void checksumsIgnoreLineEndings() {
        assertThat(MigrationRunner.checksum("a;\r\nb;\r\n")).isEqualTo(MigrationRunner.checksum("a;\nb;\n"))
                .isNotEqualTo(MigrationRunner.checksum("a;\nc;\n")).hasSize(8);
    }

    @Test
    void findsTheScriptsOfADirectoryOnTheClassPath() {
        List<ClassPathScripts.Script> scripts = ClassPathScripts.find(getClass().getClassLoader(),
                ClassPathScripts.normalize("classpath:/dataport-test/migration/v2/"));
        assertThat(scripts).extracting(ClassPathScripts.Script::fileName)
                .containsExactly("V1__create_items.sql", "V2__add_owner.mysql.sql", "V2__add_owner.sql",
                        "V2__add_owner.sqlite.sql");
        assertThat(scripts.get(0).text()).startsWith("-- V1: the items table");
        assertThat(ClassPathScripts.find(getClass().getClassLoader(), "dataport-test/none")).isEmpty();
    }
}
