package kz.gfc.kit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNotificationSinkTest {

    @Test
    void eachTextIsOneJsonLineAndLogsSeeOnlyAMaskedNumber(@TempDir Path dir) throws Exception {
        var sink = new FileNotificationSink(dir.resolve("sub/consent.jsonl"));
        sink.deliver(new Notification("+77011234567", "kk", "consent-otp", "Код: 123456"));
        sink.deliver(new Notification("+77019876543", "en", "document-ready", "Готово"));

        var lines = Files.readAllLines(sink.file());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"phone\":\"+77011234567\"", "\"language\":\"kk\"", "Код: 123456");
        assertThat(lines.get(1)).as("an unknown language falls back to ru").contains("\"language\":\"ru\"");
        assertThat(new Notification("+77011234567", "ru", "k", "t").maskedPhone()).isEqualTo("*********67");
    }
}
