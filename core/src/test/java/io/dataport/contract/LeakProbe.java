package io.dataport.contract;

import io.dataport.Database;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The child JVM of {@link SecretsInLogsReliabilityContract}: {@code LeakProbe URL BAD_LOGIN_URL EMAIL NAME
 * BALANCE} provokes a login failure (unless BAD_LOGIN_URL is {@code -}), a duplicate key on an e-mail column and
 * a check constraint failure, logging at DEBUG, and prints each exception in full to standard error.
 */
public final class LeakProbe {
    private LeakProbe() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String badLogin = args[1];
        String email = args[2];
        String name = args[3];
        int balance = Integer.parseInt(args[4]);
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.FINE);
        root.addHandler(handler);
        Logger.getLogger("org.postgresql").setLevel(Level.FINE);
        org.slf4j.LoggerFactory.getLogger(LeakProbe.class).debug("probe starting");

        if (!badLogin.equals("-")) {
            try (Database db = Database.open(badLogin)) {
                db.ping();
            } catch (RuntimeException e) {
                e.printStackTrace();
                System.out.println("PROVOKED login");
            }
        }
        try (Database db = Database.open(url)) {
            db.useTransaction(s -> s.execute("create table person (id integer primary key, name varchar(100) not null, "
                    + "email varchar(200) not null unique, balance integer not null check (balance >= 0))"));
            db.useTransaction(s -> s.execute("insert into person(id, name, email, balance) values (?, ?, ?, ?)", 1,
                    name, email, 10));
            try {
                db.useTransaction(s -> s.execute("insert into person(id, name, email, balance) values (?, ?, ?, ?)", 2,
                        name, email, 10));
            } catch (RuntimeException e) {
                e.printStackTrace();
                System.out.println("PROVOKED duplicate");
            }
            try {
                db.useTransaction(s -> s.execute("update person set balance = ? where email = ?", balance, email));
            } catch (RuntimeException e) {
                e.printStackTrace();
                System.out.println("PROVOKED constraint");
            }
        }
        System.out.println("DONE");
    }
}
