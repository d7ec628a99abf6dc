package kz.gfc.kit.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local stand-in for the SMS gateway: one JSON line per text, appended to a file the
 * demo reads ({@code deploy/local} prints where) and the tests read back. It holds one-time
 * codes, so it lives apart from the logs and is created readable by its owner only.
 */
public final class FileNotificationSink implements NotificationChannel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FileNotificationSink(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void deliver(Notification n) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own permissions apply
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", Instant.now().toString());
        line.put("phone", n.phone());
        line.put("language", n.language());
        line.put("kind", n.kind());
        line.put("text", n.text());
        Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }
}
