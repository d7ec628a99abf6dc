package kz.gfc.issuance.domain;

/**
 * Where a package is in the centre's custody (R15.9). Paper results go
 * AWAITING_DISPATCH → AT_PROVIDER → RECEIVED → AT_ISSUANCE_DESK → ISSUED or RETURNED_TO_PROVIDER;
 * electronic ones start AT_PROVIDER.
 */
public enum PackageStatus {
    AWAITING_DISPATCH, AT_PROVIDER, RECEIVED, AT_ISSUANCE_DESK, ISSUED, RETURNED_TO_PROVIDER;

    public boolean isFinal() {
        return this == ISSUED || this == RETURNED_TO_PROVIDER;
    }
}
