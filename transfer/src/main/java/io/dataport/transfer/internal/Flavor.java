package io.dataport.transfer.internal;

import io.dataport.ConfigurationException;

/** The SQL flavours a transfer reads and writes. */
public enum Flavor {
    SQLITE,
    POSTGRES;

    /** The flavour of a Dataport backend, by its name. */
    public static Flavor of(String backend) {
        switch (backend) {
            case "sqlite":
                return SQLITE;
            case "postgres":
                return POSTGRES;
            default:
                throw new ConfigurationException("Transfer does not support backend: " + backend
                        + ". Transfer between sqlite and postgres databases.");
        }
    }
}
