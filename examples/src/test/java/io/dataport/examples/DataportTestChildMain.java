package io.dataport.examples;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs one fixture class of {@link DataportTestFixtures} and prints how each backend's run ended, one line each:
 * {@code <backend> <SUCCESSFUL|ABORTED|FAILED> <message>}. Started by {@link DataportTestExtensionTest}.
 */
public final class DataportTestChildMain {
    private DataportTestChildMain() {
    }

    /**
     * Runs the class named by the first argument.
     *
     * @param args the fixture class's binary name
     * @throws ClassNotFoundException when there is no such class
     */
    public static void main(String[] args) throws ClassNotFoundException {
        Class<?> fixture = Class.forName(args[0]);
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                        .configurationParameter(DataportTestFixtures.ENABLED, "true").build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.getUniqueId().contains("class-template-invocation")) {
                            String message = result.getThrowable().map(t -> " " + t.getMessage()).orElse("");
                            System.out.println(id.getDisplayName() + " " + result.getStatus() + message
                                    .replace('\n', ' '));
                        }
                    }
                });
        System.out.flush();
        System.exit(0);
    }
}
