package io.dataport.transfer;

/** What a {@link Transfer} does with a target table that already exists. */
public enum TransferMode {
    /**
     * The default: create missing tables; load into an existing table only when it is empty, and refuse (before
     * writing anything) when any target table already has rows.
     */
    CREATE,
    /** Drop each existing target table and create it anew from the source (in the same transaction as the load). */
    REPLACE,
    /** Add the source rows to existing target tables, keeping their rows; missing tables are created. */
    APPEND
}
