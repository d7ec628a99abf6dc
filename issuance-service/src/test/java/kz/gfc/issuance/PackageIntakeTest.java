package kz.gfc.issuance;

import static kz.gfc.issuance.Packages.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.issuance.domain.Barcode;
import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.kit.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PackageIntakeTest {

    @Test
    void aRedeliveredApplicationAcceptedOpensOnePackage() {
        Packages.Application a = Packages.accepted("ALM-01", "MVD", "PAPER", "IDENTITY_DOCUMENT");
        String barcode = Packages.barcodeOf(a);
        Packages.send(a, a.eventId()); // the same event again (a redelivery)
        String replayId = UUID.randomUUID().toString();
        Packages.send(a, replayId); // the same application under a new event id (a replay)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processed(replayId));

        assertThat(QuarkusTransaction.requiringNew().call(() -> DocumentPackage.count("applicationId", a.id())))
                .isEqualTo(1);
        DocumentPackage p = Packages.load(barcode);
        assertThat(Barcode.isValid(p.barcode)).isTrue();
        assertThat(p.status.name()).isEqualTo("AWAITING_DISPATCH");
        assertThat(p.provider).isEqualTo("MVD");
        assertThat(p.retentionClass.name()).isEqualTo("IDENTITY_DOCUMENT");
        assertThat(p.resultKind).isEqualTo("ID_CARD");
        assertThat(p.applicantPseudonym).isEqualTo(Packages.PSEUDONYMS.pseudonym(a.applicant()));
        assertThat(p.readyDate).hasToString("2026-11-27");
    }

    @Test
    void anElectronicResultStartsAtTheProvider() {
        String barcode = Packages.opened("ALM-01", "GP", "ELECTRONIC", "STANDARD");
        operator("ALM-01").get("/api/v1/packages/" + barcode).then().statusCode(200)
                .body("status", equalTo("AT_PROVIDER"))
                .body("delivery", equalTo("ELECTRONIC"))
                .body("chainVerified", equalTo(true));
    }

    @Test
    void theLabelIsARealCode128OfTheBarcode() throws Exception {
        String barcode = Packages.opened("ALM-01", "MJ", "PAPER", "STANDARD");
        byte[] png = operator("ALM-01").get("/api/v1/packages/" + barcode + "/label").then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        String read = new Code128Reader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(read).isEqualTo(barcode);
    }

    @Test
    void aMalformedBarcodeIs422AndAnUnknownOne404() {
        String good = Barcode.of(9_999_999_998L);
        String wrongCheck = good.substring(0, 13) + (char) ('0' + (good.charAt(13) - '0' + 1) % 10);
        for (String bad : new String[] {wrongCheck, "GFC123", "XYZ00000000000", "GFC0000000000A"}) {
            operator("ALM-01").header("Accept-Language", "kk").get("/api/v1/packages/" + bad).then()
                    .statusCode(422).contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://gfc.kz/problems/malformed-barcode"))
                    .body("userMessage", equalTo("Штрихкод қате оқылды"));
            Packages.scan("ALM-01", bad, "HANDED_TO_PROVIDER", null).then().statusCode(422);
        }
        operator("ALM-01").get("/api/v1/packages/" + good).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        Packages.scan("ALM-01", good, "HANDED_TO_PROVIDER", null).then().statusCode(404);
    }

    @Test
    void barcodesCarryALuhnCheckDigit() {
        assertThat(Barcode.of(1)).isEqualTo("GFC00000000018");
        assertThat(Barcode.isValid("GFC00000000018")).isTrue();
        assertThat(Barcode.isValid("GFC00000000108")).isFalse(); // two digits swapped
        assertThat(Barcode.isValid("GFC00000000019")).isFalse();
    }

    @Test
    void anApplicationAcceptedIssuanceCannotUseGoesToTheDeadLetterTopicAndOpensNothing() {
        Packages.Application bad = new Packages.Application(UUID.randomUUID(), kz.gfc.kit.iin.SyntheticIins.random(),
                "ALM-01", "MVD", "PAPER", "FOREVER", "ID_CARD", UUID.randomUUID().toString());
        Packages.send(bad, bad.eventId());
        String dlq = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic", String.class);
        assertThat(kz.gfc.kit.testing.KafkaProbe.read(dlq, r -> bad.id().toString().equals(r.key()), 1,
                Duration.ofSeconds(30))).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> DocumentPackage.count("applicationId", bad.id())))
                .isZero();
    }

    private static boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) DocumentPackage.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() > 0);
    }
}
