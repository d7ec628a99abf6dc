package kz.gfc.issuance;

import static kz.gfc.issuance.Packages.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.issuance.domain.ReadyTexts;
import kz.gfc.issuance.events.DocumentReady;
import kz.gfc.kit.testing.MetricsProbe;
import kz.gfc.kit.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReadyTextTest {

    @Inject
    ReadyTexts texts;

    @Inject
    TestClock clock;

    @AfterEach
    void restore() {
        FakeIntakeContacts.DOWN.set(false);
        clock.unpin();
    }

    @Test
    void theFirstArrivalPublishesDocumentReadyOnceAndTextsTheApplicantInTheirLanguage() throws Exception {
        Packages.Application a = Packages.accepted("KAR-01", "MVD", "PAPER", "IDENTITY_DOCUMENT");
        String b = Packages.barcodeOf(a);
        String phone = "+7701" + (1_000_000 + (System.nanoTime() % 8_999_999));
        FakeIntakeContacts.know(a.id(), phone, "kk");
        scan("KAR-01", b, "HANDED_TO_PROVIDER", null).then().statusCode(200);
        assertThat(Packages.outbox(DocumentReady.TYPE, b)).isZero();
        scan("KAR-01", b, "RECEIVED_FROM_PROVIDER", null).then().statusCode(200);
        scan("KAR-01", b, "TO_ISSUANCE_DESK", 2).then().statusCode(200);
        assertThat(Packages.outbox(DocumentReady.TYPE, b)).isEqualTo(1);

        texts.sendDue();
        texts.sendDue(); // a second run texts nobody twice
        List<String> lines = linesFor(phone);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"kind\":\"document-ready\"").contains("\"language\":\"kk\"")
                .contains("құжатыңыз дайын").contains("KAR-01");
        assertThat(Packages.load(b).readyText).isEqualTo(DocumentPackage.ReadyText.SENT);
    }

    @Test
    void whenIntakeIsAwayTheChainGoesOnTheFailureIsCountedAndTheTextFollowsLater() throws Exception {
        Packages.Application a = Packages.accepted("KAR-01", "MVD", "PAPER", "STANDARD");
        String b = Packages.barcodeOf(a);
        String phone = "+7702" + (1_000_000 + (System.nanoTime() % 8_999_999));
        FakeIntakeContacts.know(a.id(), phone, "ru");
        FakeIntakeContacts.DOWN.set(true);
        double failedBefore = failed();

        scan("KAR-01", b, "HANDED_TO_PROVIDER", null).then().statusCode(200);
        scan("KAR-01", b, "RECEIVED_FROM_PROVIDER", null).then().statusCode(200);
        assertThat(Packages.outbox(DocumentReady.TYPE, b)).isEqualTo(1);
        texts.sendDue();
        assertThat(failed()).isGreaterThan(failedBefore);
        DocumentPackage p = Packages.load(b);
        assertThat(p.readyText).isEqualTo(DocumentPackage.ReadyText.PENDING);
        assertThat(p.readyTextAttempts).isEqualTo(1);
        assertThat(p.readyTextNextAt).isAfter(Instant.now().plusSeconds(30));
        assertThat(linesFor(phone)).isEmpty();
        // the chain did not wait for the text
        scan("KAR-01", b, "TO_ISSUANCE_DESK", 1).then().statusCode(200);

        FakeIntakeContacts.DOWN.set(false);
        Thread.sleep(300); // the breaker's test delay: it lets a trial call through
        texts.sendDue();
        assertThat(linesFor(phone)).isEmpty(); // not due yet: it waits its pause
        clock.pin(Instant.now().plusSeconds(120));
        texts.sendDue();
        assertThat(linesFor(phone)).hasSize(1).allSatisfy(l -> assertThat(l).contains("ваш документ готов"));
        assertThat(Packages.outbox(DocumentReady.TYPE, b)).isEqualTo(1);
    }

    private static double failed() {
        double v = MetricsProbe.value("gfc_issuance_ready_texts_total", "result=\"failed\"");
        return Double.isNaN(v) ? 0 : v;
    }

    private static List<String> linesFor(String phone) throws Exception {
        Path file = Path.of(ConfigProvider.getConfig().getValue("gfc.notify.sink-file", String.class));
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.contains(phone)).toList();
    }
}
