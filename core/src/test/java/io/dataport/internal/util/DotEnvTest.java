package io.dataport.internal.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DATABASE_URL from the environment, then .env, then nothing: the precedence and the secrecy. */
class DotEnvTest {
    @TempDir
    Path dir;

    private void env(String text) throws IOException {
        Files.writeString(dir.resolve(".env"), text);
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        env("DATABASE_URL=sqlite:from-file.db\n");
        assertThat(DotEnv.lookup("DATABASE_URL", Map.of("DATABASE_URL", "sqlite:from-env.db"), dir))
                .contains("sqlite:from-env.db");
        assertThat(DotEnv.lookup("DATABASE_URL", Map.of("DATABASE_URL", "  "), dir)).as("blank is unset")
                .contains("sqlite:from-file.db");
    }

    @Test
    void theFileIsReadWithExportCommentsAndQuotes() throws IOException {
        env("# the app's settings\n\nOTHER=x\nexport DATABASE_URL=\"postgresql://app:s#cret@db:5432/app\"  # prod\n");
        assertThat(DotEnv.lookup("DATABASE_URL", Map.of(), dir)).contains("postgresql://app:s#cret@db:5432/app");
        env("DATABASE_URL='mysql://root@127.0.0.1:3306/app'\n");
        assertThat(DotEnv.lookup("DATABASE_URL", Map.of(), dir)).contains("mysql://root@127.0.0.1:3306/app");
        env("DATABASE_URL=sqlite:a.db # a comment\nDATABASE_URL=sqlite:b.db\n");
        assertThat(DotEnv.lookup("DATABASE_URL", Map.of(), dir)).as("the last one wins").contains("sqlite:b.db");
    }

    @Test
    void nothingWhenNeitherNamesIt() throws IOException {
        assertThat(DotEnv.lookup("DATABASE_URL", Map.of(), dir)).isEmpty();
        env("OTHER=1\nDATABASE_URL=\n");
        assertThat(DotEnv.lookup("DATABASE_URL", Map.of(), dir)).isEmpty();
    }

    @Test
    void aBrokenLineIsNamedByItsNumberNeverItsValue() throws IOException {
        env("A=1\nDATABASE_URL=\"postgresql://app:hunter2@db/app\n");
        assertThatThrownBy(() -> DotEnv.lookup("DATABASE_URL", Map.of(), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2")
                .hasMessageContaining("does not close").hasMessageNotContaining("hunter2");
    }
}
