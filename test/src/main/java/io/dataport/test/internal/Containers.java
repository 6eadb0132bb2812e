package io.dataport.test.internal;

/**
 * Test servers in Testcontainers containers, when Testcontainers is on the class path and a Docker engine answers
 * ({@code DATAPORT_TEST_DOCKER=false} skips the question). Each is started once per JVM and stopped at its exit.
 */
final class Containers {
    private Containers() {
    }

    /** The URL of a started container's database, or null when there is none. */
    static String start(ServerKind kind) {
        if ("false".equals(System.getenv("DATAPORT_TEST_DOCKER"))) {
            return null;
        }
        String image = kind == ServerKind.POSTGRES ? "org.testcontainers.postgresql.PostgreSQLContainer"
                : "org.testcontainers.mariadb.MariaDBContainer";
        if (!present("org.testcontainers.DockerClientFactory") || !present(image)) {
            return null;
        }
        try {
            if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
        } catch (Throwable t) {
            return null;
        }
        return kind == ServerKind.POSTGRES ? Postgres.start() : Mariadb.start();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Containers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when testcontainers-postgresql is present. */
    private static final class Postgres {
        static String start() {
            org.testcontainers.postgresql.PostgreSQLContainer c =
                    new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine");
            c.start();
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
            return "postgresql://" + c.getUsername() + ":" + c.getPassword() + "@" + c.getHost() + ":"
                    + c.getMappedPort(5432) + "/" + c.getDatabaseName();
        }
    }

    /** Loaded only when testcontainers-mariadb is present. */
    private static final class Mariadb {
        static String start() {
            org.testcontainers.mariadb.MariaDBContainer c =
                    new org.testcontainers.mariadb.MariaDBContainer("mariadb:10.11");
            c.start();
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
            return "mysql://root:" + c.getPassword() + "@" + c.getHost() + ":" + c.getMappedPort(3306) + "/"
                    + c.getDatabaseName();
        }
    }
}
