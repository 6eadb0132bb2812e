package io.dataport.internal.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds the connections of one Database: each unit of work from when it gets a connection until it gives
 * it back, with its thread and, when leak detection is on, where it was opened. Read only to word a pool
 * exhaustion: "2 open streams (oldest 41.2 s, on thread worker-3)". Thread-safe.
 */
final class ConnectionHolders {
    /** What holds a connection. */
    enum Kind {
        STREAM("open stream"), TRANSACTION("transaction"), SESSION("session"), STATEMENT("single statement"),
        DATA_SOURCE("DataSource connection");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final int PLACES_SHOWN = 5;

    private record Holder(Kind kind, String thread, long since, Throwable openedAt) {
    }

    private final Map<SessionState, Holder> held = new ConcurrentHashMap<>();
    private final boolean leakDetection;

    ConnectionHolders(boolean leakDetection) {
        this.leakDetection = leakDetection;
    }

    void add(SessionState state, Kind kind) {
        held.put(state, new Holder(kind, Thread.currentThread().getName(), System.nanoTime(),
                leakDetection ? new Throwable("opened here") : null));
    }

    void remove(SessionState state) {
        held.remove(state);
    }

    /** The holders, by kind, oldest first; where they were opened when leak detection is on. */
    String describe() {
        List<Holder> holders = new ArrayList<>(held.values());
        if (holders.isEmpty()) {
            return "No work of this Database holds a connection: another process or Database uses them.";
        }
        holders.sort(Comparator.comparingLong(Holder::since));
        long now = System.nanoTime();
        Map<Kind, List<Holder>> byKind = new EnumMap<>(Kind.class);
        for (Holder h : holders) {
            byKind.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(h);
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, list) -> parts.add(list.size() + " " + kind.label + (list.size() == 1 ? "" : "s")
                + " (oldest " + seconds(now - list.get(0).since()) + ", on thread " + list.get(0).thread() + ")"));
        StringBuilder text = new StringBuilder("Holding them: ").append(String.join(", ", parts)).append('.');
        if (byKind.containsKey(Kind.STREAM)) {
            text.append(" Close each stream when done (try-with-resources): an open stream keeps its connection.");
        }
        if (!leakDetection) {
            return text.append(" Database.Builder.leakDetection(true) shows where each was opened.").toString();
        }
        for (Holder h : holders.subList(0, Math.min(PLACES_SHOWN, holders.size()))) {
            text.append(" A ").append(h.kind().label).append(" opened ").append(seconds(now - h.since()))
                    .append(" ago on thread ").append(h.thread()).append(" at ").append(caller(h.openedAt()))
                    .append('.');
        }
        return text.toString();
    }

    /** The application's frames where the work was opened: the first ones outside Dataport's API, Jdbi and the JDK. */
    private static String caller(Throwable openedAt) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : openedAt.getStackTrace()) {
            String c = e.getClassName();
            String pkg = c.lastIndexOf('.') < 0 ? "" : c.substring(0, c.lastIndexOf('.'));
            boolean library = pkg.equals("io.dataport") || pkg.startsWith("io.dataport.internal")
                    || c.startsWith("org.jdbi.") || c.startsWith("java.") || c.startsWith("jdk.")
                    || c.startsWith("sun.");
            if (!library) {
                frames.add(e.toString());
                if (frames.size() == 3) {
                    break;
                }
            }
        }
        return frames.isEmpty() ? "(unknown)" : String.join(" < ", frames);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
