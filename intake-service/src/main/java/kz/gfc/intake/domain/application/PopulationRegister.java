package kz.gfc.intake.domain.application;

import java.time.LocalDate;
import java.util.Optional;

import kz.gfc.kit.iin.Iin;

/**
 * R7/R15.4: the state population register (ГБД ФЛ), asked by IIN to pre-fill an application.
 * {@link #find} gives identity data; {@link #registeredAddress} is protected personal data,
 * which intake reads only under the applicant's active consent (see {@link Forwarding}).
 */
public interface PopulationRegister {

    /** The name of the system, as recorded beside each datum taken from it. */
    String SYSTEM = "POPULATION_REGISTER";

    Optional<Person> find(Iin iin);

    /** Protected: call only when consent-service has confirmed the applicant's consent. */
    Optional<String> registeredAddress(Iin iin);

    record Person(String fullName, LocalDate birthDate) {
    }
}
