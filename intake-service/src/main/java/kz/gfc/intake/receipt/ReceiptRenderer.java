package kz.gfc.intake.receipt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import kz.gfc.kit.problem.Language;

/**
 * Prints a {@link Receipt} (R15.5, R15.6) in its language (R16) as HTML and as a PDF with an
 * embedded DejaVu Sans, which has every letter of the Kazakh alphabet (ә ғ қ ң ө ұ ү һ і)
 * that the standard PDF fonts lack. Both carry a QR code of the verification link.
 *
 * <p>Names on a receipt are typed by people: HTML escapes them, and the PDF prints a
 * character the font cannot draw (or a control character) as a replacement instead of failing.
 */
@ApplicationScoped
public class ReceiptRenderer {

    /** Kazakhstan has kept one time zone, UTC+5, since 1 March 2024. */
    static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final byte[] regularFont = resource("receipt/fonts/DejaVuSans.ttf");
    private final byte[] boldFont = resource("receipt/fonts/DejaVuSans-Bold.ttf");

    /** What a receipt says, the same for both media. */
    record Content(String title, List<Row> rows, String refusal, List<Section> sections, String verify,
            String url, String footer) {
    }

    record Row(String label, String value, boolean strong) {
    }

    /** A heading and its items: numbered when they are a list of things to bring. */
    record Section(String label, List<String> items, boolean numbered) {

        Section(String label, List<String> items) {
            this(label, items, true);
        }
    }

    Content content(Receipt r) {
        Language l = r.lang();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(ReceiptLabels.NUMBER.in(l), r.number(), true));
        rows.add(new Row(ReceiptLabels.SERVICE.in(l), join(r.serviceName(), r.serviceCode()), false));
        rows.add(new Row(ReceiptLabels.BRANCH.in(l), orDash(r.branchCode()), false));
        rows.add(new Row(ReceiptLabels.DECIDED_AT.in(l),
                DATE_TIME.format(r.decidedAt().atOffset(KAZAKHSTAN)) + " " + ReceiptLabels.TIME_ZONE_NOTE, false));
        rows.add(new Row(ReceiptLabels.OPERATOR.in(l), orDash(r.operatorName()), false));
        rows.add(new Row(ReceiptLabels.OUTCOME.in(l),
                (r.rejected() ? ReceiptLabels.OUTCOME_REJECTED : ReceiptLabels.OUTCOME_ACCEPTED).in(l), true));
        if (!r.rejected()) {
            rows.add(new Row(ReceiptLabels.READY_DATE.in(l),
                    r.readyDate() == null ? "—" : DATE.format(r.readyDate()), true));
        }
        if (r.applicationId() != null) {
            rows.add(new Row(ReceiptLabels.APPLICATION_ID.in(l), r.applicationId().toString(), false));
        }
        List<Section> sections = new ArrayList<>();
        if (r.rejected()) {
            if (!r.missingDocuments().isEmpty()) {
                sections.add(new Section(ReceiptLabels.MISSING_DOCUMENTS.in(l), r.missingDocuments()));
            }
            if (!r.missingFields().isEmpty()) {
                sections.add(new Section(ReceiptLabels.MISSING_FIELDS.in(l), r.missingFields()));
            }
            if (r.feeShortfall() != null && r.feeShortfall().signum() > 0) {
                sections.add(new Section(ReceiptLabels.FEE_SHORTFALL.in(l),
                        List.of(tenge(r.feeShortfall()) + " " + ReceiptLabels.TENGE.in(l)), false));
            }
            if (!r.acceptedDocuments().isEmpty()) {
                sections.add(new Section(ReceiptLabels.PRESENTED_DOCUMENTS.in(l), r.acceptedDocuments()));
            }
        } else {
            sections.add(new Section(ReceiptLabels.ACCEPTED_DOCUMENTS.in(l),
                    r.acceptedDocuments().isEmpty() ? List.of("—") : r.acceptedDocuments()));
        }
        return new Content(
                (r.rejected() ? ReceiptLabels.TITLE_REJECTED : ReceiptLabels.TITLE_ACCEPTED).in(l),
                rows,
                r.rejected() ? ReceiptLabels.REFUSAL.in(l) : null,
                sections,
                ReceiptLabels.VERIFY.in(l),
                r.verificationUrl(),
                (r.rejected() ? ReceiptLabels.FOOTER_REJECTED : ReceiptLabels.FOOTER_ACCEPTED).in(l));
    }

    // ------------------------------------------------------------------------------------ HTML

    /** A self-contained printable page (styles and the QR code inline). */
    public String html(Receipt receipt) {
        Content c = content(receipt);
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(receipt.language()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n")
                .append("<title>").append(esc(ReceiptLabels.HEADING)).append(" № ").append(esc(receipt.number()))
                .append("</title>\n<style>\n")
                .append("body{font-family:\"DejaVu Sans\",Arial,sans-serif;color:#111;margin:2em;}\n")
                .append(".receipt{max-width:46em;margin:auto;}\n")
                .append("h1{font-size:1.5em;margin:0;} h2{font-size:1.15em;margin:.3em 0 1em;font-weight:normal;}\n")
                .append("table{border-collapse:collapse;width:100%;border-top:1px solid #999;}\n")
                .append("th,td{text-align:left;vertical-align:top;padding:.35em .5em .35em 0;border-bottom:1px solid #ddd;}\n")
                .append("th{font-weight:normal;color:#555;width:16em;} .strong{font-weight:bold;}\n")
                .append(".refusal{border-left:4px solid #b00;padding:.4em .8em;background:#fff4f4;}\n")
                .append("h3{font-size:1em;margin:1.2em 0 .3em;} ol{margin:0;padding-left:1.6em;}\n")
                .append(".verify{display:flex;gap:1em;align-items:center;margin-top:1.5em;}\n")
                .append(".verify svg{width:9em;height:9em;flex:none;} .verify a{word-break:break-all;}\n")
                .append("footer{margin-top:1.5em;font-size:.85em;color:#555;}\n")
                .append("@media print{body{margin:0;}}\n</style>\n</head>\n<body>\n<main class=\"receipt\">\n")
                .append("<h1>").append(esc(ReceiptLabels.HEADING)).append("</h1>\n")
                .append("<h2>").append(esc(c.title())).append("</h2>\n<table>\n");
        for (Row row : c.rows()) {
            h.append("<tr><th scope=\"row\">").append(esc(row.label())).append("</th><td")
                    .append(row.strong() ? " class=\"strong\"" : "").append('>').append(esc(row.value()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (c.refusal() != null) {
            h.append("<p class=\"refusal\">").append(esc(c.refusal())).append("</p>\n");
        }
        for (Section s : c.sections()) {
            h.append("<section>\n<h3>").append(esc(s.label())).append("</h3>\n");
            if (s.numbered()) {
                h.append("<ol>\n");
                for (String item : s.items()) {
                    h.append("<li>").append(esc(item)).append("</li>\n");
                }
                h.append("</ol>\n");
            } else {
                for (String item : s.items()) {
                    h.append("<p class=\"strong\">").append(esc(item)).append("</p>\n");
                }
            }
            h.append("</section>\n");
        }
        h.append("<div class=\"verify\">\n").append(svg(qr(c.url()))).append("<p>").append(esc(c.verify()))
                .append("<br><a href=\"").append(esc(c.url())).append("\">").append(esc(c.url()))
                .append("</a></p>\n</div>\n<footer>").append(esc(c.footer())).append("</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isISOControl(cp) && cp != '\n' && cp != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String svg(BitMatrix m) {
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < m.getWidth() && m.get(x + run, y)) {
                    run++;
                }
                d.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR\"><rect width=\"100%\" height=\"100%\""
                + " fill=\"#fff\"/><path fill=\"#000\" d=\"" + d + "\"/></svg>\n";
    }

    // ------------------------------------------------------------------------------------- PDF

    /** An A4 PDF, more pages when the lists are long. */
    public byte[] pdf(Receipt receipt) {
        Content c = content(receipt);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(ReceiptLabels.HEADING + " № " + receipt.number());
            info.setProducer("GfC intake-service");
            doc.getDocumentCatalog().setLanguage(receipt.language());
            Pages p = new Pages(doc, PDType0Font.load(doc, new ByteArrayInputStream(regularFont), true),
                    PDType0Font.load(doc, new ByteArrayInputStream(boldFont), true),
                    ReceiptLabels.HEADING + " № " + receipt.number());
            try {
                p.heading(ReceiptLabels.HEADING, c.title());
                for (Row row : c.rows()) {
                    p.row(row.label(), row.value(), row.strong());
                }
                if (c.refusal() != null) {
                    p.refusal(c.refusal());
                }
                for (Section s : c.sections()) {
                    p.section(s.label(), s.items(), s.numbered());
                }
                p.verification(qr(c.url()), c.verify(), c.url());
                p.footer(c.footer());
            } finally {
                p.close();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt PDF could not be made", e);
        }
    }

    /** Lays text out top to bottom over as many A4 pages as it takes. */
    private static final class Pages {
        static final float MARGIN = 50;
        static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
        static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
        static final float LABEL_WIDTH = 180;
        static final float GAP = 10;
        static final int MAX_TEXT = 400;

        final PDDocument doc;
        final PDType0Font regular;
        final PDType0Font bold;
        /** Heads every page after the first, so a loose sheet still says whose it is. */
        final String runningHead;
        PDPageContentStream cs;
        float y;

        Pages(PDDocument doc, PDType0Font regular, PDType0Font bold, String runningHead) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            this.runningHead = runningHead;
            newPage();
        }

        void newPage() throws IOException {
            boolean first = cs == null;
            if (!first) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = TOP;
            if (!first) {
                gray(0.35f);
                text(runningHead + " — " + doc.getNumberOfPages(), regular, 9, MARGIN, y - 9);
                gray(0f);
                y -= 16;
                rule(0.4f, 0.6f);
                y -= 4;
            }
        }

        void close() throws IOException {
            cs.close();
        }

        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void heading(String heading, String title) throws IOException {
            text(heading, bold, 18, MARGIN, y - 18);
            y -= 26;
            for (String line : wrap(title, regular, 13, WIDTH)) {
                text(line, regular, 13, MARGIN, y - 13);
                y -= 17;
            }
            y -= 8;
            rule(0.8f, 0.6f);
        }

        void row(String label, String value, boolean strong) throws IOException {
            PDType0Font vf = strong ? bold : regular;
            List<String> labels = wrap(label, regular, 9.5f, LABEL_WIDTH - GAP);
            List<String> values = wrap(value, vf, 11, WIDTH - LABEL_WIDTH);
            float height = Math.max(labels.size() * 12f, values.size() * 14f) + 8;
            need(height);
            float top = y - 6;
            gray(0.35f);
            for (int i = 0; i < labels.size(); i++) {
                text(labels.get(i), regular, 9.5f, MARGIN, top - 10 - i * 12f);
            }
            gray(0f);
            for (int i = 0; i < values.size(); i++) {
                text(values.get(i), vf, 11, MARGIN + LABEL_WIDTH, top - 10 - i * 14f);
            }
            y -= height;
            rule(0.4f, 0.85f);
        }

        void refusal(String text) throws IOException {
            List<String> lines = wrap(text, regular, 10.5f, WIDTH - 14);
            float height = lines.size() * 14f + 10;
            y -= 10;
            need(height);
            cs.setNonStrokingColor(0.7f, 0f, 0f);
            cs.addRect(MARGIN, y - height, 3, height);
            cs.fill();
            cs.setNonStrokingColor(0f);
            for (int i = 0; i < lines.size(); i++) {
                text(lines.get(i), regular, 10.5f, MARGIN + 12, y - 15 - i * 14f);
            }
            y -= height;
        }

        void section(String label, List<String> items, boolean numbered) throws IOException {
            y -= 12;
            need(16 + 14);
            text(label, bold, 11, MARGIN, y - 11);
            y -= 18;
            int n = 1;
            for (String item : items) {
                float indent = numbered ? width(items.size() + ".", regular, 11) + 8 : 0;
                PDType0Font font = numbered ? regular : bold;
                List<String> lines = wrap(item, font, 11, WIDTH - indent);
                need(lines.size() * 14f + 2);
                if (numbered) {
                    text(n++ + ".", regular, 11, MARGIN + 2, y - 11);
                }
                for (int i = 0; i < lines.size(); i++) {
                    text(lines.get(i), font, 11, MARGIN + indent, y - 11 - i * 14f);
                }
                y -= lines.size() * 14f + 2;
            }
        }

        void verification(BitMatrix qr, String caption, String url) throws IOException {
            float size = 118;
            y -= 18;
            need(size);
            float module = size / qr.getWidth();
            float left = MARGIN - 4 * module; // the quiet zone may reach into the margin
            float bottom = y - size;
            for (int row = 0; row < qr.getHeight(); row++) {
                int x = 0;
                while (x < qr.getWidth()) {
                    if (!qr.get(x, row)) {
                        x++;
                        continue;
                    }
                    int run = 1;
                    while (x + run < qr.getWidth() && qr.get(x + run, row)) {
                        run++;
                    }
                    cs.addRect(left + x * module, bottom + (qr.getHeight() - 1 - row) * module, run * module, module);
                    x += run;
                }
            }
            cs.fill();
            float textLeft = left + size + 6;
            float textWidth = MARGIN + WIDTH - textLeft;
            float ty = y - 24;
            for (String line : wrap(caption, regular, 10, textWidth)) {
                text(line, regular, 10, textLeft, ty);
                ty -= 13;
            }
            ty -= 4;
            gray(0.25f);
            for (String line : wrapAnywhere(url, regular, 8.5f, textWidth)) {
                text(line, regular, 8.5f, textLeft, ty);
                ty -= 11;
            }
            gray(0f);
            y = Math.min(bottom, ty);
        }

        void footer(String footer) throws IOException {
            y -= 10;
            List<String> lines = wrap(footer, regular, 9, WIDTH);
            need(lines.size() * 12f + 8);
            rule(0.4f, 0.6f);
            gray(0.35f);
            for (int i = 0; i < lines.size(); i++) {
                text(lines.get(i), regular, 9, MARGIN, y - 14 - i * 12f);
            }
            gray(0f);
            y -= lines.size() * 12f + 8;
        }

        void rule(float width, float shade) throws IOException {
            cs.setStrokingColor(shade);
            cs.setLineWidth(width);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + WIDTH, y);
            cs.stroke();
            cs.setStrokingColor(0f);
        }

        void gray(float shade) throws IOException {
            cs.setNonStrokingColor(shade);
        }

        void text(String s, PDType0Font font, float size, float x, float baseline) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline);
            cs.showText(s);
            cs.endText();
        }

        /** Lines of at most {@code width} points, broken between words, a word too long broken anywhere. */
        List<String> wrap(String raw, PDType0Font font, float size, float width) throws IOException {
            String s = clipped(drawable(raw, font));
            float space = width(" ", font, size);
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : s.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                float w = width(word, font, size);
                if (!line.isEmpty() && lineWidth + space + w <= width) {
                    line.append(' ').append(word);
                    lineWidth += space + w;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (w <= width) {
                    line.append(word);
                    lineWidth = w;
                } else {
                    List<String> pieces = wrapAnywhere(word, font, size, width);
                    lines.addAll(pieces.subList(0, pieces.size() - 1));
                    line.append(pieces.get(pieces.size() - 1));
                    lineWidth = width(line.toString(), font, size);
                }
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** Lines of at most {@code width} points, broken between any two characters (links, long codes). */
        List<String> wrapAnywhere(String raw, PDType0Font font, float size, float width) throws IOException {
            String s = drawable(raw, font);
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = width(ch, font, size);
                if (!line.isEmpty() && lineWidth + w > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                line.append(ch);
                lineWidth += w;
                i += Character.charCount(cp);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        static float width(String s, PDType0Font font, float size) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        /** No typed name is this long; one that is would push the receipt off its pages. */
        static String clipped(String s) {
            return s.codePointCount(0, s.length()) <= MAX_TEXT
                    ? s
                    : s.substring(0, s.offsetByCodePoints(0, MAX_TEXT)) + "…";
        }

        /**
         * Whitespace and control characters become spaces; format characters (bidi overrides,
         * zero-width marks) go, since they only disguise text; what the font cannot draw becomes
         * a question mark.
         */
        static String drawable(String raw, PDType0Font font) {
            if (raw == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(raw.length());
            raw.codePoints().forEach(cp -> {
                if (Character.getType(cp) == Character.FORMAT) {
                    return;
                }
                if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                    out.append(' ');
                } else if (font.getCmapLookup().getGlyphId(cp) == 0) {
                    out.append('?');
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString().strip();
        }
    }

    // ------------------------------------------------------------------------------------ shared

    /** The QR code of the link, error correction M, with its 4-module quiet zone. */
    static BitMatrix qr(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the verification link does not fit a QR code", e);
        }
    }

    static String tenge(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        BigDecimal plain = amount.stripTrailingZeros();
        DecimalFormat format = new DecimalFormat(plain.scale() <= 0 ? "#,##0" : "#,##0.00", symbols);
        return format.format(amount);
    }

    private static String join(String name, String code) {
        if (name == null || name.isBlank()) {
            return orDash(code);
        }
        return code == null || code.isBlank() ? name : name + " (" + code + ")";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static byte[] resource(String path) {
        try (InputStream in = ReceiptRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
