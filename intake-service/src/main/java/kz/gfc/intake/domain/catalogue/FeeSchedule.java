package kz.gfc.intake.domain.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * R15.3: the fee due for a service on a day, from the catalogue: a sum in tenge as it stands,
 * a multiple of МРП times the index in force that day, rounded to whole tenge.
 */
@ApplicationScoped
public class FeeSchedule {

    public BigDecimal due(ServiceDefinition service, LocalDate day) {
        ServiceDefinition.Fee fee = service.fee();
        BigDecimal total = BigDecimal.ZERO;
        if (fee == null) {
            return total.setScale(2);
        }
        if (fee.tenge() != null) {
            total = total.add(fee.tenge());
        }
        if (fee.mrp() != null && fee.mrp().signum() > 0) {
            MonthlyIndex index = MonthlyIndex.inForceOn(day);
            if (index == null) {
                throw new IllegalStateException("no monthly calculation index in force on " + day);
            }
            total = total.add(fee.mrp().multiply(BigDecimal.valueOf(index.tenge)).setScale(0, RoundingMode.HALF_UP));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }
}
