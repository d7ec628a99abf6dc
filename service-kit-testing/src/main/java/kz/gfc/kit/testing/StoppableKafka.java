package kz.gfc.kit.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Kafka broker of the test's own — the same real broker deploy/local starts, on free
 * ports and in a private folder — so a test can stop and restart it ("the broker is down")
 * without disturbing any other test or a developer's stack. Use it from a
 * {@code QuarkusTestProfile}: it points {@code kafka.bootstrap.servers} at itself.
 */
public class StoppableKafka implements QuarkusTestResourceLifecycleManager {

    private static Path stateDir;
    private static int port;
    private static int controllerPort;
    private static File repoRoot;

    @Override
    public Map<String, String> start() {
        try {
            repoRoot = findRepoRoot();
            stateDir = Files.createTempDirectory("gfc-kafka-");
            port = freePort();
            controllerPort = freePort();
            // Reuse the classpath the main broker resolved, if there is one, to skip a Maven run.
            Path mainCp = Path.of(env("GFC_STATE_DIR", "/var/tmp/gfc"), "kafka", "cp.txt");
            if (Files.exists(mainCp)) {
                Files.createDirectories(stateDir.resolve("kafka"));
                Files.copy(mainCp, stateDir.resolve("kafka/cp.txt"));
            }
            startBroker();
            return Map.of("kafka.bootstrap.servers", bootstrap());
        } catch (IOException e) {
            throw new IllegalStateException("could not start a test Kafka broker", e);
        }
    }

    @Override
    public void stop() {
        run("kafka_stop");
    }

    public static String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public static void stopBroker() {
        run("kafka_stop");
    }

    public static void startBroker() {
        run("kafka_start");
    }

    private static void run(String function) {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "source deploy/local/lib.sh && " + function)
                .directory(repoRoot)
                .redirectErrorStream(true)
                .redirectOutput(stateDir.resolve("script.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("GFC_STATE_DIR", stateDir.toString());
        env.put("GFC_KAFKA_PORT", String.valueOf(port));
        env.put("GFC_KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
        env.put("GFC_KAFKA_HEAP", "384m");
        try {
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(function + " failed: " + Files.readString(stateDir.resolve("script.log")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(function + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(function + " interrupted", e);
        }
    }

    private static File findRepoRoot() {
        File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        while (dir != null && !new File(dir, "deploy/local/lib.sh").exists()) {
            dir = dir.getParentFile();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/local/lib.sh not found above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
