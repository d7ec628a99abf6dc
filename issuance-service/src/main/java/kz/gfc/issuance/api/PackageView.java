package kz.gfc.issuance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import kz.gfc.issuance.domain.CustodyEntry;
import kz.gfc.issuance.domain.DocumentPackage;

/** A package as staff, providers and auditors see it: with its custody chain and whether the chain's hashes hold. */
public record PackageView(String barcode, String applicationId, String receiptNumber, String serviceCode,
        String provider, String branchCode, String resultKind, String retentionClass, String applicantPseudonym,
        String delivery, LocalDate readyDate, String status, Integer deskWindow, Instant readyAt, Instant atDeskSince,
        LocalDate keptUntil, Instant issuedAt, Instant returnedAt, String returnReason, List<Entry> chain,
        Boolean chainVerified) {

    public record Entry(int seq, String scan, String from, String to, String branchCode, Integer window,
            String operatorId, Instant at, String prevHash, String hash) {

        static Entry of(CustodyEntry e) {
            return new Entry(e.seq, e.movement.name(), e.fromStatus.name(), e.toStatus.name(), e.branchCode, e.window,
                    e.actorId, e.at, e.prevHash, e.hash);
        }
    }

    static PackageView of(DocumentPackage p) {
        return new PackageView(p.barcode, p.applicationId.toString(), p.receiptNumber, p.serviceCode, p.provider,
                p.branchCode, p.resultKind, p.retentionClass.name(), p.applicantPseudonym, p.delivery.name(),
                p.readyDate, p.status.name(), p.deskWindow, p.readyAt, p.atDeskSince, p.keptUntil, p.issuedAt,
                p.returnedAt, p.returnReason, p.chain.stream().map(Entry::of).toList(), p.chainVerifies());
    }

    /** For lists: no chain. */
    static PackageView summary(DocumentPackage p) {
        return new PackageView(p.barcode, p.applicationId.toString(), p.receiptNumber, p.serviceCode, p.provider,
                p.branchCode, p.resultKind, p.retentionClass.name(), p.applicantPseudonym, p.delivery.name(),
                p.readyDate, p.status.name(), p.deskWindow, p.readyAt, p.atDeskSince, p.keptUntil, p.issuedAt,
                p.returnedAt, p.returnReason, null, null);
    }
}
