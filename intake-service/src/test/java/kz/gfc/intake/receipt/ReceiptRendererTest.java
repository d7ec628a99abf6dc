package kz.gfc.intake.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * R15.5, R15.6, R16: receipts in Kazakh and Russian, as PDF and HTML, that a person can read
 * and a phone can verify. The PDFs go to target/receipts/ to be looked at.
 */
class ReceiptRendererTest {

    static final Path OUT = Path.of("target", "receipts");
    static final String URL = ReceiptCodesTest.codes(ReceiptCodesTest.SECRET).verificationUrl("ALM-01-2026-000123");
    static final UUID APPLICATION = UUID.fromString("5b0f4a54-8c7e-4b55-9a55-0c1f8f3d1e21");
    static final Instant DECIDED = Instant.parse("2026-11-26T09:03:00Z"); // 14:03 in Kazakhstan

    static final ReceiptRenderer renderer = new ReceiptRenderer();

    @BeforeAll
    static void out() throws IOException {
        Files.createDirectories(OUT);
    }

    static Receipt accepted(String language) {
        return new Receipt("ALM-01-2026-000123", APPLICATION, Receipt.Status.ACCEPTED, "ID_CARD",
                "Жеке куәлікті беру (ауыстыру)", "Выдача (замена) удостоверения личности", "ALM-01",
                "Әбенова Гүлнар Жиһанқызы", DECIDED, LocalDate.of(2026, 12, 4),
                List.of("Өтініш (ұсынылған нысан бойынша)", "Бұрынғы жеке куәлік",
                        "Мемлекеттік баж төленгені туралы түбіртек", "Туу туралы куәлік (Шаһар АХАЖ бөлімі)"),
                List.of(), List.of(), null, language, URL);
    }

    static Receipt rejected(String language) {
        return new Receipt("ALM-01-2026-000124", APPLICATION, Receipt.Status.REJECTED, "PASSPORT",
                "Қазақстан Республикасы азаматының паспортын беру", "Выдача паспорта гражданина Республики Казахстан",
                "ALM-01", "Қасымов Ерлан", DECIDED, LocalDate.of(2026, 12, 4),
                List.of("Удостоверение личности"),
                List.of("Фотография 3,5×4,5 см", "Квитанция об оплате государственной пошлины"),
                List.of("Адрес проживания", "Номер телефона"), new BigDecimal("1250.00"), language, URL);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void R16_aKazakhReceiptPrintsKazakhLettersAndTheKeyFacts() throws IOException {
        byte[] pdf = renderer.pdf(accepted("kk"));
        Files.write(OUT.resolve("accepted-kk.pdf"), pdf);
        String text = text(pdf);
        assertThat(text).contains("Қолхат / Расписка", "Құжаттарды қабылдау туралы қолхат", "ALM-01-2026-000123",
                "Дайын болу күні", "04.12.2026", "26.11.2026 14:03 (UTC+5)", "Әбенова Гүлнар Жиһанқызы",
                "Жеке куәлікті беру (ауыстыру) (ID_CARD)", "Қабылданған құжаттар", "Бұрынғы жеке куәлік",
                "Туу туралы куәлік (Шаһар АХАЖ бөлімі)", "Құжаттар қабылданды");
        for (String letter : List.of("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Қ", "Ө", "Ж")) {
            assertThat(text).as("letter " + letter).contains(letter);
        }
        assertThat(text).doesNotContain("Дата готовности");
        assertThat(text.replace("/verify?code=", "")).as("no letter replaced").doesNotContain("?");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFont font = doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
        }
    }

    @Test
    void R16_aRussianReceiptIsAllRussian() throws IOException {
        byte[] pdf = renderer.pdf(accepted("ru"));
        Files.write(OUT.resolve("accepted-ru.pdf"), pdf);
        String text = text(pdf);
        assertThat(text).contains("Қолхат / Расписка", "Расписка о приёме документов", "Дата готовности",
                "04.12.2026", "Выдача (замена) удостоверения личности", "Принятые документы", "Документы приняты",
                "Документы принял сотрудник", "Әбенова Гүлнар Жиһанқызы");
        assertThat(text).doesNotContain("Дайын болу күні", "Құжаттарды қабылдау туралы қолхат");
    }

    @Test
    void R15_6_aRefusalNamesEveryMissingItemWithTheRefusalWording() throws IOException {
        byte[] ru = renderer.pdf(rejected("ru"));
        Files.write(OUT.resolve("rejected-ru.pdf"), ru);
        String text = text(ru).replaceAll("\\s+", " ");
        assertThat(text).contains("Расписка об отказе в приёме документов", "В приёме документов отказано",
                "представлен неполный пакет документов", "Недостающие документы", "Фотография 3,5×4,5 см",
                "Квитанция об оплате государственной пошлины", "Не заполнены обязательные поля", "Адрес проживания",
                "Номер телефона", "Недоплата", "1 250 тенге", "Представленные документы");
        assertThat(text).doesNotContain("Дата готовности", "04.12.2026");

        byte[] kk = renderer.pdf(rejected("kk"));
        Files.write(OUT.resolve("rejected-kk.pdf"), kk);
        assertThat(text(kk).replaceAll("\\s+", " ")).contains("Құжаттарды қабылдаудан бас тарту туралы қолхат",
                "толық ұсынылмағандықтан", "Жетіспейтін құжаттар", "Толтырылмаған міндетті өрістер",
                "Төлем жетіспейді", "1 250 теңге");
    }

    @Test
    void R15_5_theQrCodeOnThePrintedReceiptOpensItsVerificationLink() throws Exception {
        for (Receipt r : List.of(accepted("kk"), rejected("ru"))) {
            try (PDDocument doc = Loader.loadPDF(renderer.pdf(r))) {
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 100);
                var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
                String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
                assertThat(decoded).isEqualTo(URL);
            }
        }
        assertThat(URL).doesNotContain("Әбенова").contains("/verify?code=");
    }

    @Test
    void R16_theHtmlReceiptEscapesWhatPeopleTyped() throws IOException {
        Receipt hostile = new Receipt("ALM-01-2026-000125", APPLICATION, Receipt.Status.REJECTED, "ID_CARD",
                "Жеке куәлік", "Удостоверение", "ALM-01", "<script>alert('x')</script> & \"Co\"", DECIDED, null,
                List.of("<img src=x onerror=alert(1)>"), List.of("Фото"), List.of(), null, "kk", URL + "&x=\"<");
        String html = renderer.html(hostile);
        assertThat(html).doesNotContain("<script>", "<img", "\"<").contains(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;",
                "&lt;img src=x onerror=alert(1)&gt;", "<html lang=\"kk\">", "<svg", "Жетіспейтін құжаттар",
                "Құжаттарды қабылдаудан бас тарту туралы қолхат");
        String ru = renderer.html(accepted("ru"));
        Files.writeString(OUT.resolve("accepted-ru.html"), ru);
        assertThat(ru).contains("<html lang=\"ru\">", "Дата готовности", "04.12.2026",
                "<li>Бұрынғы жеке куәлік</li>");
    }

    @Test
    void R16_namesTheFontCannotDrawAndLongListsStillPrint() throws IOException {
        List<String> many = IntStream.rangeClosed(1, 120).mapToObj(i -> "Құжат № " + i).toList();
        Receipt odd = new Receipt("ALM-01-2026-000126", null, Receipt.Status.REJECTED, "ID_CARD", null,
                "Удостоверение", null, "Оператор 漢\u0000\u202Eтест\tи\nещё " + "Ы".repeat(3000), DECIDED, null,
                List.of(), many, List.of(), new BigDecimal("0.5"), "ru", URL);
        byte[] pdf = renderer.pdf(odd);
        Files.write(OUT.resolve("rejected-long-ru.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
        String text = text(pdf);
        assertThat(text).contains("Құжат № 120", "Оператор ? тест и ещё", "ЫЫЫЫ…", "0,50 тенге");
    }
}
