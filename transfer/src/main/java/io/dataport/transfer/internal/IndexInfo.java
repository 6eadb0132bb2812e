package io.dataport.transfer.internal;

import java.util.List;

/** A source index or unique constraint on plain columns. */
record IndexInfo(String name, boolean unique, List<String> columns) {
}
