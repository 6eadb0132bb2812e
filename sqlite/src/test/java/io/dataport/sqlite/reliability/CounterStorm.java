package io.dataport.sqlite.reliability;

import io.dataport.Database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Read-modify-write transactions on one counter row from many threads; also the {@code main} of the child JVM
 * that does the same on the same file: {@code CounterStorm URL THREADS PER_THREAD}. The child prints
 * {@code READY}, waits for a line on standard input, runs, then prints {@code ERRORS n} and {@code RETRIES n}.
 */
public final class CounterStorm {
    private CounterStorm() {
    }

    /** Runs the storm; returns the errors the threads saw (none expected). */
    static List<Throwable> run(Database db, int threads, int perThread) throws Exception {
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        try {
                            db.useTransaction(s -> {
                                int n = s.handle().createQuery("select n from counter where id = 1")
                                        .mapTo(int.class).one();
                                s.execute("update counter set n = ? where id = 1", n + 1);
                            });
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(errors);
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(args[0])) {
            db.ping();
            System.out.println("READY");
            System.out.flush();
            System.in.read();
            List<Throwable> errors = run(db, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            for (Throwable e : errors) {
                e.printStackTrace();
            }
            System.out.println("ERRORS " + errors.size());
            System.out.println("RETRIES " + db.retryCount());
        }
    }
}
