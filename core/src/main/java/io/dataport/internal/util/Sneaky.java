package io.dataport.internal.util;

/** Rethrows a checked exception that the caller's generic signature already declares. */
public final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    public static <X extends Throwable> RuntimeException rethrow(Throwable t) throws X {
        throw (X) t;
    }
}
