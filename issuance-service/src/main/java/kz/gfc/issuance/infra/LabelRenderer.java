package kz.gfc.issuance.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;

/** A package's label: its barcode as Code 128, PNG, sized for a 58 mm label printer. */
@ApplicationScoped
public class LabelRenderer {

    public byte[] png(String barcode) {
        BitMatrix matrix = new Code128Writer().encode(barcode, com.google.zxing.BarcodeFormat.CODE_128, 480, 120,
                Map.of(EncodeHintType.MARGIN, 10));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
