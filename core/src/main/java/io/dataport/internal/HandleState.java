package io.dataport.internal;

import org.jdbi.v3.core.config.JdbiConfig;

/**
 * Carries a handle's {@link TxState} through Jdbi's configuration, so statement hooks can find it from their
 * {@code StatementContext}. Copies share the state.
 */
public final class HandleState implements JdbiConfig<HandleState> {
    private TxState state;

    public HandleState() {
    }

    private HandleState(TxState state) {
        this.state = state;
    }

    public TxState state() {
        return state;
    }

    void bind(TxState state) {
        this.state = state;
    }

    @Override
    public HandleState createCopy() {
        return new HandleState(state);
    }
}
