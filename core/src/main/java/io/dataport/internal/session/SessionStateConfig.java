package io.dataport.internal.session;

import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Carries a handle's {@link SessionState} through Jdbi's configuration, so that statement hooks find it from
 * their {@code StatementContext}. Copies (statements made from the handle) share the state.
 */
public final class SessionStateConfig implements JdbiConfig<SessionStateConfig> {
    private SessionState state;

    /** An empty holder: Jdbi's own configuration, before a handle is bound. */
    public SessionStateConfig() {
    }

    private SessionStateConfig(SessionState state) {
        this.state = state;
    }

    /** The session state in a configuration, or null outside a Dataport session. */
    public static SessionState of(ConfigRegistry config) {
        return config.get(SessionStateConfig.class).state;
    }

    SessionState state() {
        return state;
    }

    void bind(SessionState state) {
        this.state = state;
    }

    @Override
    public SessionStateConfig createCopy() {
        return new SessionStateConfig(state);
    }
}
