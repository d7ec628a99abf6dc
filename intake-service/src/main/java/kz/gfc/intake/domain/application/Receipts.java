package kz.gfc.intake.domain.application;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.gfc.intake.domain.Receipt;
import kz.gfc.intake.domain.catalogue.Catalogue;
import kz.gfc.intake.domain.catalogue.ServiceDefinition;

/** R15.5/R15.6: builds an application's receipt, naming the service as the version it was accepted under did. */
@ApplicationScoped
public class Receipts {

    private final Catalogue catalogue;
    private final ObjectMapper json;

    public Receipts(Catalogue catalogue, ObjectMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    public Receipt of(Application a) {
        ServiceDefinition s = catalogue.find(a.catalogueVersion, a.serviceCode).orElse(null);
        OffsetDateTime at = a.receivedAt.atZone(IntakeService.KAZAKHSTAN).toOffsetDateTime();
        return new Receipt(a.receiptNumber, a.id, a.outcome, a.status.name(), a.serviceCode,
                s == null ? a.serviceCode : s.nameKk(), s == null ? a.serviceCode : s.nameRu(), a.serviceKind, a.provider,
                a.addressee, a.branchCode, a.operatorName, at, at, a.readyDate,
                documents(a.acceptedDocuments), documents(a.missingDocuments), fields(a.missingFields), a.feeDue,
                a.paidAmount, a.feeShortfall, a.language, a.catalogueVersion, a.signedContentSha256);
    }

    private List<Receipt.DocumentLine> documents(String text) {
        return read(text, new TypeReference<List<Receipt.DocumentLine>>() {
        });
    }

    private List<Receipt.FieldLine> fields(String text) {
        return read(text, new TypeReference<List<Receipt.FieldLine>>() {
        });
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored receipt list is unreadable", e);
        }
    }
}
