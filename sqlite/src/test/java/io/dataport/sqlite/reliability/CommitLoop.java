package io.dataport.sqlite.reliability;

import io.dataport.Database;

/**
 * The {@code main} of the child JVM killed by {@link SqliteCrashSafetyTest}: {@code CommitLoop URL FIRST_ID}
 * commits transactions of three rows each (batch id, parts 1 to 3) forever and prints each batch id once its
 * commit returned.
 */
public final class CommitLoop {
    private CommitLoop() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(args[0])) {
            for (long id = Long.parseLong(args[1]); ; id++) {
                long batch = id;
                db.useTransaction(s -> {
                    for (int part = 1; part <= 3; part++) {
                        s.execute("insert into batch_row(batch, part, payload) values (?, ?, ?)", batch, part,
                                "payload-" + batch + "-" + part + "-" + "x".repeat(200));
                    }
                });
                System.out.println(batch);
                System.out.flush();
            }
        }
    }
}
