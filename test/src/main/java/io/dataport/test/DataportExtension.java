package io.dataport.test;

import io.dataport.Database;
import io.dataport.test.internal.ServerKind;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JUnit 5 extension behind {@link DataportTest}: one invocation of the annotated class (or method) per
 * backend, each with its own {@link TestDatabase}, set up as the annotation says, and the run's {@link Database}
 * and {@link TestDatabase} as parameters. Registered by the annotation; applications do not name it.
 */
public final class DataportExtension implements ClassTemplateInvocationContextProvider,
        TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return context.getRequiredTestClass().isAnnotationPresent(DataportTest.class);
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        DataportTest settings = context.getRequiredTestClass().getAnnotation(DataportTest.class);
        return kinds(settings, context.getRequiredTestClass()).stream()
                .map(kind -> new ClassTemplateInvocationContext() {
                    @Override
                    public String getDisplayName(int invocationIndex) {
                        return kind.backend();
                    }

                    @Override
                    public List<Extension> getAdditionalExtensions() {
                        return List.of(new Run(kind, settings, false));
                    }
                });
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (!method.isAnnotationPresent(DataportTest.class)) {
            return false;
        }
        if (context.getRequiredTestClass().isAnnotationPresent(DataportTest.class)) {
            throw new ExtensionConfigurationException("@DataportTest is on " + method.getName() + "() and on its class "
                    + context.getRequiredTestClass().getSimpleName() + ": put it on the class (every test runs on "
                    + "every backend) or on single methods, not both.");
        }
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        DataportTest settings = context.getRequiredTestMethod().getAnnotation(DataportTest.class);
        return kinds(settings, context.getRequiredTestMethod()).stream()
                .map(kind -> new TestTemplateInvocationContext() {
                    @Override
                    public String getDisplayName(int invocationIndex) {
                        return kind.backend();
                    }

                    @Override
                    public List<Extension> getAdditionalExtensions() {
                        return List.of(new Run(kind, settings, true));
                    }
                });
    }

    /** The backends to run on: those named, checked, else every one on the class path. */
    private static List<ServerKind> kinds(DataportTest settings, AnnotatedElement where) {
        List<ServerKind> kinds = new ArrayList<>();
        try {
            for (String name : settings.backends()) {
                kinds.add(ServerKind.of(name));
            }
            for (String name : settings.required()) {
                ServerKind.of(name);
            }
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@DataportTest on " + where + ": " + e.getMessage(), e);
        }
        if (kinds.isEmpty()) {
            kinds.addAll(ServerKind.onClassPath());
        }
        if (kinds.isEmpty()) {
            throw new ExtensionConfigurationException("@DataportTest on " + where + " finds no backend on the test "
                    + "class path: add io.dataport:dataport-sqlite (and dataport-postgres, dataport-mysql) to the "
                    + "test dependencies.");
        }
        return kinds;
    }

    /**
     * One backend's run: finds its server (skipping or failing when there is none), makes its database before
     * the class or each test, drops it after, resolves the parameters, and rolls tests back when asked.
     */
    private static final class Run implements BeforeClassTemplateInvocationCallback,
            AfterClassTemplateInvocationCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
            InvocationInterceptor {
        private final ServerKind kind;
        private final DataportTest settings;
        /** A test template's invocation: the database is made for it, not for the class. */
        private final boolean single;
        /**
         * The class run's database ({@link DataportTest.Scope#CLASS}): kept here, since JUnit resolves the
         * constructor's parameters in the class template's context, above the invocation's store. One run, one
         * instance of this extension.
         */
        private volatile Opened classDatabase;

        Run(ServerKind kind, DataportTest settings, boolean single) {
            this.kind = kind;
            this.settings = settings;
            this.single = single;
        }

        private boolean perTest() {
            return single || settings.scope() == DataportTest.Scope.TEST;
        }

        @Override
        public void beforeClassTemplateInvocation(ExtensionContext context) {
            if (!perTest()) {
                classDatabase = open();
            }
        }

        @Override
        public void afterClassTemplateInvocation(ExtensionContext context) {
            Opened opened = classDatabase;
            classDatabase = null;
            if (opened != null) {
                opened.close();
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            if (perTest()) {
                store(context).put(Opened.class, open());
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (perTest()) {
                close(context);
            }
        }

        private static ExtensionContext.Store store(ExtensionContext context) {
            return context.getStore(NAMESPACE);
        }

        private static void close(ExtensionContext context) {
            Opened opened = store(context).remove(Opened.class, Opened.class);
            if (opened != null) {
                opened.close();
            }
        }

        /** Finds the server (or skips, or fails), makes the database and sets it up. */
        private Opened open() {
            TestDatabase database = TestDatabase.create(kind.backend(),
                    Arrays.asList(settings.required()).contains(kind.backend()));
            Database db = null;
            try {
                Database.Builder builder = database.builder();
                if (!settings.migrations().isEmpty()) {
                    builder.migrations(settings.migrations());
                }
                db = builder.open();
                if (!settings.migrations().isEmpty()) {
                    db.migrate();
                }
                if (settings.entities().length > 0) {
                    db.schema().create(settings.entities());
                }
                return new Opened(database, db);
            } catch (RuntimeException e) {
                new Opened(database, db).close();
                throw e;
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Database.class || type == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Opened opened = perTest() ? store(context).get(Opened.class, Opened.class) : classDatabase;
            if (opened == null) {
                throw new ParameterResolutionException("The " + kind.backend() + " database of @DataportTest is "
                        + "made for each test: take it as a parameter of the test or of @BeforeEach and @AfterEach "
                        + "methods, not of the constructor or @BeforeAll.");
            }
            return parameter.getParameter().getType() == Database.class ? opened.db() : opened.database();
        }

        @Override
        public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                        ExtensionContext context) throws Throwable {
            if (!settings.rollback()) {
                invocation.proceed();
                return;
            }
            try {
                Database db = (perTest() ? store(context).get(Opened.class, Opened.class) : classDatabase).db();
                db.useTransaction(s -> {
                    try {
                        invocation.proceed();
                    } catch (Throwable t) {
                        throw new TestFailed(t);
                    }
                    throw new RolledBack();
                });
            } catch (RolledBack done) {
                // The test passed; its work is undone.
            } catch (TestFailed failed) {
                throw failed.getCause();
            }
        }

        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                                ExtensionContext context) throws Throwable {
            interceptTestMethod(invocation, method, context);
        }
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DataportExtension.class);

    /** A run's database, open, and the Database on it. */
    private record Opened(TestDatabase database, Database db) {
        void close() {
            try {
                if (db != null) {
                    db.close();
                }
            } finally {
                database.close();
            }
        }
    }

    /** Ends a rolled-back test's transaction with a rollback. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RolledBack() {
            super("rolled back", null, false, false);
        }
    }

    /** Carries a rolled-back test's own failure out of its transaction. */
    private static final class TestFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TestFailed(Throwable cause) {
            super(cause);
        }
    }
}
