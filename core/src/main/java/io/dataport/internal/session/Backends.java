package io.dataport.internal.session;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseUrl;
import io.dataport.spi.Backend;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the one backend on the class path that accepts a URL, or says clearly why there is none. */
public final class Backends {
    private Backends() {
    }

    /** The backends on the class path, in a stable order (by name). */
    public static List<Backend> available() {
        List<Backend> found = new ArrayList<>();
        for (Backend backend : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) {
            found.add(backend);
        }
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return found;
    }

    /** The backend that accepts {@code url}; fails unless exactly one does. */
    public static Backend forUrl(String url) {
        List<Backend> all = available();
        List<Backend> accepting = all.stream().filter(b -> b.accepts(url)).collect(Collectors.toList());
        if (accepting.size() == 1) {
            return accepting.get(0);
        }
        if (accepting.isEmpty()) {
            String masked = DatabaseUrl.mask(url);
            if (all.isEmpty()) {
                throw new ConfigurationException("No backend accepts URL '" + masked + "': no Dataport backend is on "
                        + "the class path. Add the backend module for your database to the build (its artifact is "
                        + "io.dataport:dataport-<backend>; see the README).");
            }
            throw new ConfigurationException("No backend accepts URL '" + masked + "'. Available: " + describe(all)
                    + ". Use one of these URL forms, or add the backend module for your database to the class path.");
        }
        throw new ConfigurationException("More than one backend accepts URL '" + DatabaseUrl.mask(url) + "': "
                + describe(accepting) + ". Remove one from the class path, or choose one with "
                + "Database.builder(url).backend(...).");
    }

    static String describe(List<Backend> backends) {
        return backends.stream()
                .map(b -> b.name() + " (" + String.join(", ", b.urlPrefixes()) + "; " + b.artifact() + ")")
                .collect(Collectors.joining(", "));
    }
}
