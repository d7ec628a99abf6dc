package kz.gfc.issuance.domain;

import java.util.UUID;

/**
 * Where the applicant's phone comes from: intake keeps it, issuance asks when there is news
 * and forgets it. Throws when the answer cannot be had now; the caller retries later.
 */
public interface ApplicantContacts {

    Contact contactOf(UUID applicationId);

    record Contact(String phone, String language) {
    }
}
