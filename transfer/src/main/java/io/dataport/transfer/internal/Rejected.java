package io.dataport.transfer.internal;

/** A source value that does not fit its target column; carries the reason, never a stack trace. */
final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Object value;

    Rejected(String reason, Object value) {
        super(reason, null, false, false);
        this.value = value;
    }

    Object value() {
        return value;
    }
}
