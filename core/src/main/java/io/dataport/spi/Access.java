package io.dataport.spi;

/** What a connection is asked for: work that may write, or work that only reads. */
public enum Access {
    /** The session may write. On SQLite this is the one serialised writer connection. */
    READ_WRITE,
    /** The session only reads. On SQLite this is a connection of the concurrent reader pool. */
    READ_ONLY
}
