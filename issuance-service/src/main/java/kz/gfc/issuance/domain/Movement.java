package kz.gfc.issuance.domain;

import java.util.Set;

/**
 * Every move of a package, each a link of its custody chain. The first three are the barcode
 * scans staff make ({@link #SCANS}); the others are recorded by the action that makes them.
 */
public enum Movement {
    HANDED_TO_PROVIDER(PackageStatus.AWAITING_DISPATCH, PackageStatus.AT_PROVIDER),
    RECEIVED_FROM_PROVIDER(PackageStatus.AT_PROVIDER, PackageStatus.RECEIVED),
    TO_ISSUANCE_DESK(PackageStatus.RECEIVED, PackageStatus.AT_ISSUANCE_DESK),
    /** The provider's system delivered the result over the API (R26). */
    ELECTRONIC_RESULT(PackageStatus.AT_PROVIDER, PackageStatus.RECEIVED),
    ISSUED_TO_APPLICANT(PackageStatus.AT_ISSUANCE_DESK, PackageStatus.ISSUED),
    /** Unclaimed (R20) or by a supervisor; from the desk, or from the back office before it got there. */
    RETURNED_TO_PROVIDER(null, PackageStatus.RETURNED_TO_PROVIDER);

    public static final Set<Movement> SCANS = Set.of(HANDED_TO_PROVIDER, RECEIVED_FROM_PROVIDER, TO_ISSUANCE_DESK);

    private final PackageStatus from;
    private final PackageStatus to;

    Movement(PackageStatus from, PackageStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(PackageStatus current) {
        if (this == RETURNED_TO_PROVIDER) {
            return current == PackageStatus.RECEIVED || current == PackageStatus.AT_ISSUANCE_DESK;
        }
        return current == from;
    }

    public PackageStatus to() {
        return to;
    }
}
