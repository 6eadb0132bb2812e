package io.dataport.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The environment variables of {@link UsersService#main}, without starting it. */
class UsersServiceSettingsTest {
    @Test
    void logSqlIsOnForTrueOnly() {
        assertThat(UsersService.logSql("true")).isTrue();
        assertThat(UsersService.logSql(" TRUE ")).isTrue();
        assertThat(UsersService.logSql(null)).isFalse();
        assertThat(UsersService.logSql("")).isFalse();
        assertThat(UsersService.logSql("false")).isFalse();
        assertThatThrownBy(() -> UsersService.logSql("yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DATAPORT_LOG_SQL is not true or false: yes. Set it to true to log every statement, or "
                        + "unset it.");
    }
}
