package kz.gfc.issuance.events;

import java.time.Instant;

import kz.gfc.issuance.domain.CustodyEntry;
import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.kit.events.DomainEvent;

/** One link of a package's custody chain (R15.9), with its hash so a reader can check the chain too. */
public record PackageMoved(String barcode, String applicationId, String from, String to, String scan,
        String branchCode, Integer window, String operatorId, Instant at, String chainHash) implements DomainEvent {

    public static final String TYPE = "kz.gfc.package.moved.v1";

    public static PackageMoved of(DocumentPackage p, CustodyEntry e) {
        return new PackageMoved(p.barcode, p.applicationId.toString(), e.fromStatus.name(), e.toStatus.name(),
                e.movement.name(), e.branchCode, e.window, e.actorId, e.at, e.hash);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return barcode;
    }
}
