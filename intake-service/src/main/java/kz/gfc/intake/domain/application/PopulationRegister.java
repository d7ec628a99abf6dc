package kz.gfc.intake.domain.application;

import java.time.LocalDate;
import java.util.Optional;

import kz.gfc.kit.iin.Iin;

/**
 * R7/R15.4: the state population register (ГБД ФЛ), asked by IIN to pre-fill an application.
 * Only identity data comes through this port; what the register holds under secrecy is not
 * read here.
 */
public interface PopulationRegister {

    /** The name of the system, as recorded beside each datum taken from it. */
    String SYSTEM = "POPULATION_REGISTER";

    Optional<Person> find(Iin iin);

    record Person(String fullName, LocalDate birthDate) {
    }
}
